package io.connwatch.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: a separate process, exit statuses, what goes to stdout and stderr. */
class CommandLineTest {

    @TempDir
    Path dir;

    private ConnwatchProcess.Result connwatch(String... args) throws Exception {
        return ConnwatchProcess.run(dir, Map.of(), args);
    }

    @Test
    void helpAndVersion() throws Exception {
        ConnwatchProcess.Result help = connwatch("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("Usage: connwatch COMMAND"), help.stdout());
        ConnwatchProcess.Result version = connwatch("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("connwatch "), version.stdout());
    }

    @Test
    void badUsageExitsTwoWithASuggestion() throws Exception {
        ConnwatchProcess.Result r = connwatch("valdate");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("unknown command 'valdate'; did you mean 'validate'?"), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void runOnceOnTheEmbeddedDefaultPrintsATableOfWebAndDb() throws Exception {
        ConnwatchProcess.Result r = connwatch("run", "--once");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertTrue(lines[0].matches("SERVICE +STATE +VALUE +UNIT +METRIC"), lines[0]);
        // web and db: eleven states each plus the accept queue and, where netlink gives it, the backlog limit.
        boolean procfs = r.stderr().contains("netlink sock_diag is not usable here");
        assertEquals(1 + 2 * (procfs ? 12 : 13), lines.length, r.stdout());
        assertEquals(!procfs, r.stdout().contains("web-listen-backlog"), r.stdout());
        assertTrue(r.stdout().contains("web-cons-established") && r.stdout().contains("db-cons-timewait")
                && r.stdout().contains("web-listen-queue"), r.stdout());
        int metrics = 2 * (procfs ? 12 : 13);
        assertTrue(r.stderr().matches("(?s).*cycle: 2 services, \\d+ sockets seen, " + metrics + " metrics collected, "
                + metrics + " delivered.*"), r.stderr());
    }

    @Test
    void aConnwatchYamlInTheWorkingDirectoryWinsOverTheDefault() throws Exception {
        Files.writeString(dir.resolve("connwatch.yaml"), """
                services:
                  - name: ssh
                    ports: [22]
                    states: [listen]
                """);
        ConnwatchProcess.Result r = connwatch("run", "--once");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("ssh-cons-listen") && r.stdout().contains("ssh-listen-queue"), r.stdout());
        assertTrue(!r.stdout().contains("web-"), r.stdout());
    }

    @Test
    void validatePrintsTheResolvedPlanOfTheDefault() throws Exception {
        ConnwatchProcess.Result r = connwatch("validate");
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("configuration: (embedded default)"), out);
        assertTrue(out.contains("  web:\n    ports: 80, 443\n"), out);
        assertTrue(out.contains("  db:\n    ports: 3306\n"), out);
        assertTrue(out.contains("collectors:\n  collectors[0]: tcp-states from built-in (connwatch-collectors"), out);
        assertTrue(out.contains("sinks:\n  sinks[0]: stdout from built-in (connwatch-sinks"), out);
    }

    @Test
    void pluginsListsTheBuiltInsWithTheirJar() throws Exception {
        ConnwatchProcess.Result r = connwatch("plugins");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().lines().anyMatch(l -> l.matches("tcp-states +collector +\\S+ +built-in \\(connwatch-collectors.*\\)")),
                r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.matches("stdout +sink +\\S+ +built-in \\(connwatch-sinks.*\\)")),
                r.stdout());
    }

    @Test
    void dryRunShowsWhatEachSinkWouldSend() throws Exception {
        ConnwatchProcess.Result r = connwatch("run", "--once", "--dry-run");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("# dry run: sink stdout (sinks[0], built-in"), r.stdout());
        assertTrue(r.stderr().contains("0 delivered (dry run)"), r.stderr());
    }

    /** Each class of configuration mistake: exit 2, file:line:column, key path, suggestion, nothing on stdout. */
    private void assertConfigError(String yaml, String expected) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), yaml);
        for (String command : new String[]{"run --once", "validate"}) {
            String[] args = (command + " --config bad.yaml").split(" ");
            ConnwatchProcess.Result r = connwatch(args);
            assertEquals(2, r.exitCode(), command + ": " + r.stderr());
            assertTrue(r.stderr().contains("connwatch: configuration error: " + expected),
                    command + ": expected\n" + expected + "\nin\n" + r.stderr());
            assertEquals("", r.stdout(), command + ": nothing may reach stdout");
        }
    }

    @Test
    void misspelledServiceKey() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    prots: [80]
                """, "bad.yaml:3:5: services[0].prots: unknown key 'prots'; did you mean 'ports'?");
    }

    @Test
    void misspelledState() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                    states: [established, timewiat]
                """, "bad.yaml:4:27: services[0].states[1]: unknown state 'timewiat'; did you mean 'timewait'?");
    }

    @Test
    void portOutOfRange() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80, 70000]
                """, "bad.yaml:3:17: services[0].ports[1]: port 70000 is outside 1-65535");
    }

    @Test
    void misspelledSinkType() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                sinks:
                  - type: stdot
                """, "bad.yaml:5:11: sinks[0].type: unknown sink type 'stdot'; did you mean 'stdout'?");
    }

    @Test
    void unknownKeyOfAPlugin() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                sinks:
                  - type: stdout
                    fromat: json
                """, "bad.yaml:6:5: sinks[0].fromat: unknown key 'fromat' for the stdout sink; did you mean 'format'?");
    }

    @Test
    void badValueOfAPlugin() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                sinks:
                  - type: stdout
                    format: jsn
                """, "bad.yaml:6:13: sinks[0].format: 'jsn' is not one of table, json; did you mean 'json'?");
    }

    @Test
    void yamlSyntax() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80
                """, "bad.yaml:4:1: YAML syntax error: while parsing a flow sequence (line 3, column 12): expected ',' or ']'");
    }

    @Test
    void missingConfigFile() throws Exception {
        ConnwatchProcess.Result r = connwatch("run", "--once", "--config", "nowhere.yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("nowhere.yaml"), r.stderr());
    }

    @Test
    void duplicateServiceName() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                  - name: web
                    ports: [81]
                """, "bad.yaml:4:11: services[1].name: service name 'web' is already used by services[0]");
    }

    @Test
    void serviceWithoutPorts() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    states: [listen]
                """, "bad.yaml:2:5: services[0]: service 'web' has neither ports (this host serves them) nor "
                + "remote-ports (this host is the client); give at least one");
    }

    @Test
    void misspelledCollectorType() throws Exception {
        assertConfigError("""
                services:
                  - name: web
                    ports: [80]
                collectors:
                  - type: tcp-state
                """, "bad.yaml:5:11: collectors[0].type: unknown collector type 'tcp-state'; did you mean 'tcp-states'? "
                + "(known collector types: tcp-states)");
    }

    @Test
    void misspelledTopLevelKey() throws Exception {
        assertConfigError("""
                intervall: 10s
                services:
                  - name: web
                    ports: [80]
                """, "bad.yaml:1:1: intervall: unknown key 'intervall'; did you mean 'interval'?");
    }
}
