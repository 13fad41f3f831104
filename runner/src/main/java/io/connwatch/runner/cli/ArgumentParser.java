package io.connwatch.runner.cli;

import io.connwatch.runner.config.NearestWord;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses connwatch's command line into an {@link Invocation}; every mistake is a {@link UsageException}. */
public final class ArgumentParser {

    private static final Map<String, Invocation.Command> COMMANDS = Map.of(
            "run", Invocation.Command.RUN,
            "validate", Invocation.Command.VALIDATE,
            "plugins", Invocation.Command.PLUGINS,
            "bench", Invocation.Command.BENCH,
            "help", Invocation.Command.HELP);

    /** The options each command takes. */
    private static final Map<Invocation.Command, Set<String>> OPTIONS = Map.of(
            Invocation.Command.RUN, Set.of("--config", "--once", "--dry-run", "--plugins"),
            Invocation.Command.VALIDATE, Set.of("--config", "--plugins"),
            Invocation.Command.PLUGINS, Set.of("--plugins"),
            Invocation.Command.BENCH, Set.of("--config", "--cycles", "--plugins"),
            Invocation.Command.HELP, Set.of());

    private static final Set<String> WITH_VALUE = Set.of("--config", "--plugins", "--cycles");

    /** The number of cycles {@code bench} runs unless told. */
    public static final int DEFAULT_BENCH_CYCLES = 20;

    /**
     * @param args the arguments after the program name
     * @return what to do
     * @throws UsageException if the arguments make no sense
     */
    public Invocation parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h")) {
            return simple(Invocation.Command.HELP);
        }
        if (first.equals("--version") || first.equals("-V")) {
            return simple(Invocation.Command.VERSION);
        }
        Invocation.Command command = COMMANDS.get(first);
        if (command == null) {
            throw new UsageException("unknown command '" + first + "'"
                    + NearestWord.among(first, COMMANDS.keySet()).map(w -> "; did you mean '" + w + "'?").orElse(""));
        }
        Path config = null;
        Path plugins = null;
        boolean once = false;
        boolean dryRun = false;
        int cycles = DEFAULT_BENCH_CYCLES;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return simple(Invocation.Command.HELP);
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Set<String> allowed = OPTIONS.get(command);
            if (!allowed.contains(name)) {
                String hint = NearestWord.among(name, allowed).map(w -> "; did you mean '" + w + "'?").orElse("");
                throw new UsageException(first + ": unknown option '" + name + "'" + hint);
            }
            if (WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(first + ": " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (value.isEmpty()) {
                    throw new UsageException(first + ": " + name + " needs a value");
                }
            } else if (value != null) {
                throw new UsageException(first + ": " + name + " takes no value");
            }
            switch (name) {
                case "--config" -> config = Path.of(value);
                case "--plugins" -> plugins = Path.of(value);
                case "--once" -> once = true;
                case "--dry-run" -> dryRun = true;
                case "--cycles" -> cycles = positive(first, name, value);
                default -> throw new IllegalStateException(name);
            }
        }
        return new Invocation(command, Optional.ofNullable(config), Optional.ofNullable(plugins), once, dryRun, cycles);
    }

    private static int positive(String command, String name, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new UsageException(command + ": " + name + " needs a positive whole number, not '" + value + "'");
    }

    private static Invocation simple(Invocation.Command command) {
        return new Invocation(command, Optional.empty(), Optional.empty(), false, false, DEFAULT_BENCH_CYCLES);
    }
}
