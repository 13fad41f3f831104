package io.connwatch.runner.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentParserTest {

    private final ArgumentParser parser = new ArgumentParser();

    @Test
    void runWithEveryOption() throws UsageException {
        Invocation i = parser.parse(List.of("run", "--config", "a.yaml", "--once", "--dry-run", "--plugins=p"));
        assertEquals(Invocation.Command.RUN, i.command());
        assertEquals(Optional.of(Path.of("a.yaml")), i.configFile());
        assertEquals(Optional.of(Path.of("p")), i.pluginsDir());
        assertTrue(i.once());
        assertTrue(i.dryRun());
    }

    @Test
    void bareRunIsTheDaemon() throws UsageException {
        Invocation i = parser.parse(List.of("run"));
        assertFalse(i.once());
        assertEquals(Optional.empty(), i.configFile());
    }

    @Test
    void helpAndVersion() throws UsageException {
        assertEquals(Invocation.Command.HELP, parser.parse(List.of("--help")).command());
        assertEquals(Invocation.Command.HELP, parser.parse(List.of("run", "--help")).command());
        assertEquals(Invocation.Command.VERSION, parser.parse(List.of("--version")).command());
    }

    @Test
    void benchCycles() throws UsageException {
        assertEquals(50, parser.parse(List.of("bench", "--cycles", "50")).cycles());
        assertEquals(ArgumentParser.DEFAULT_BENCH_CYCLES, parser.parse(List.of("bench")).cycles());
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("bench", "--cycles", "0")));
        assertTrue(e.getMessage().contains("--cycles needs a positive whole number, not '0'"), e.getMessage());
    }

    @Test
    void misspelledCommandAndOptionAreSuggested() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("rnu")));
        assertEquals("unknown command 'rnu'; did you mean 'run'?", e.getMessage());
        e = assertThrows(UsageException.class, () -> parser.parse(List.of("run", "--onse")));
        assertEquals("run: unknown option '--onse'; did you mean '--once'?", e.getMessage());
    }

    @Test
    void optionsBelongToTheirCommand() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("validate", "--once")));
        assertTrue(e.getMessage().startsWith("validate: unknown option '--once'"), e.getMessage());
    }

    @Test
    void missingValuesAndNoCommand() {
        assertEquals("run: --config needs a value",
                assertThrows(UsageException.class, () -> parser.parse(List.of("run", "--config"))).getMessage());
        assertEquals("run: --once takes no value",
                assertThrows(UsageException.class, () -> parser.parse(List.of("run", "--once=yes"))).getMessage());
        assertEquals("no command given", assertThrows(UsageException.class, () -> parser.parse(List.of())).getMessage());
    }
}
