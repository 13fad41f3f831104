package io.connwatch.runner;

import io.connwatch.runner.plugins.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drop-in plugins as an operator meets them: jars in a folder, then {@code connwatch} in a separate process. */
class PluginsCommandLineTest {

    private static final String VERSION = System.getProperty("connwatch.version");

    @TempDir
    Path dir;

    private ConnwatchProcess.Result connwatch(String... args) throws Exception {
        return ConnwatchProcess.run(dir, Map.of(), args);
    }

    private Path plugins() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }

    /** A config with an ssh service (tcp-states), {@code extraCollectors} and {@code sinks}, JSON on stdout. */
    private Path config(String extraCollectors, String extraSinks) throws Exception {
        return Files.writeString(dir.resolve("c.yaml"), """
                plugins: plugins
                services:
                  - name: ssh
                    ports: [22]
                    states: [listen]
                collectors:
                  - type: tcp-states
                    source: procfs      # no listen-backlog metric: the counts below stay the same on every host
                %s
                sinks:
                  - type: stdout
                    format: json
                %s
                """.formatted(extraCollectors, extraSinks));
    }

    private static boolean hasMetric(String stdout, String name, String value) {
        return stdout.lines().anyMatch(l -> l.contains("\"name\":\"" + name + "\",\"value\":" + value + ","));
    }

    @Test
    void theSamplePluginIsListedAndItsMetricsArriveNextToTcpStates() throws Exception {
        Path jar = TestPlugins.sample(plugins().resolve("connwatch-sample-collector.jar"));
        ConnwatchProcess.Result listing = connwatch("plugins", "--plugins", "plugins");
        assertEquals(0, listing.exitCode(), listing.stdout() + listing.stderr());
        assertTrue(listing.stdout().startsWith("plugins folder: " + dir.resolve("plugins") + " (--plugins)\n"), listing.stdout());
        assertTrue(listing.stdout().lines().anyMatch(l -> l.matches(
                "loadavg +collector +" + Pattern.quote(VERSION) + " +" + Pattern.quote(jar.toString()))),
                listing.stdout());

        // Fixed load averages, so the values are known; the plugins folder comes from the file's plugins: key.
        Files.writeString(dir.resolve("loadavg"), "1.50 0.75 0.25 2/345 6789\n");
        config("""
                  - type: loadavg
                    periods: [1m, 15m]
                    file: loadavg
                """, "");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = run.stdoutLines();
        assertEquals(4, lines.size(), run.stdout());
        assertTrue(run.stdout().contains("\"name\":\"ssh-cons-listen\""), run.stdout());
        assertTrue(run.stdout().contains("\"name\":\"ssh-listen-queue\""), run.stdout());
        assertTrue(hasMetric(run.stdout(), "loadavg-1m", "1.5") && hasMetric(run.stdout(), "loadavg-15m", "0.25"),
                run.stdout());
        assertFalse(run.stdout().contains("loadavg-5m"), run.stdout());
        assertTrue(lines.get(2).endsWith("\"unit\":\"None\",\"dimensions\":{}}"), lines.get(2));

        ConnwatchProcess.Result plan = connwatch("validate", "--config", "c.yaml");
        assertEquals(0, plan.exitCode(), plan.stderr());
        assertTrue(plan.stdout().contains("  collectors[1]: loadavg from " + jar
                + " (io.connwatch.examples.loadavg.LoadAverageCollectorProvider, version " + VERSION + ")"), plan.stdout());
    }

    @Test
    void theSamplePluginChecksItsOwnKeys() throws Exception {
        TestPlugins.sample(plugins().resolve("sample.jar"));
        config("""
                  - type: loadavg
                    periods: [1m, 10m]
                """, "");
        ConnwatchProcess.Result badPeriod = connwatch("validate", "--config", "c.yaml");
        assertEquals(2, badPeriod.exitCode(), badPeriod.stderr());
        assertTrue(badPeriod.stderr().contains("c.yaml:") && badPeriod.stderr().contains(
                "collectors[1].periods: '10m' is not a period of /proc/loadavg; use 1m, 5m, 15m"), badPeriod.stderr());

        config("""
                  - type: loadavg
                    per-cpus: true
                """, "");
        ConnwatchProcess.Result misspelled = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(2, misspelled.exitCode(), misspelled.stderr());
        assertTrue(misspelled.stderr().contains("c.yaml:10:5: collectors[1].per-cpus: unknown key 'per-cpus' for the loadavg collector; did you mean 'per-cpu'?"),
                misspelled.stderr());
        assertEquals("", misspelled.stdout());

        config("  - type: loadavgg", "");
        ConnwatchProcess.Result unknown = connwatch("validate", "--config", "c.yaml");
        assertEquals(2, unknown.exitCode(), unknown.stderr());
        assertTrue(unknown.stderr().contains("collectors[1].type: unknown collector type 'loadavgg'; did you mean"
                + " 'loadavg'? (known collector types: tcp-states, loadavg)"), unknown.stderr());
    }

    @Test
    void brokenJarsAreNamedAndTheOtherPluginsKeepWorking() throws Exception {
        Path folder = plugins();
        Path twinA = TestPlugins.constantCollector(folder.resolve("twin-a.jar"), "com.example.a", "twin", "a");
        Path twinB = TestPlugins.constantCollector(folder.resolve("twin-b.jar"), "com.example.b", "twin", "b");
        Path corrupt = TestPlugins.corrupt(folder.resolve("corrupt.jar"));
        Path fragile = TestPlugins.constructorThrows(folder.resolve("fragile.jar"));
        TestPlugins.constantCollector(folder.resolve("good.jar"), "com.example.good", "good", "good-metric");

        ConnwatchProcess.Result listing = connwatch("plugins", "--plugins", folder.toString());
        assertEquals(1, listing.exitCode(), listing.stdout());
        String out = listing.stdout();
        assertTrue(out.contains("problem: two collector providers have the type name 'twin': "
                + "com.example.a.ConstantProvider from " + twinA + " and com.example.b.ConstantProvider from " + twinB), out);
        assertTrue(out.contains("problem: the plugin jar " + corrupt + " is not a readable jar (zip) file"), out);
        assertTrue(out.contains("problem: the collector provider com.example.fragile.FragileProvider from " + fragile
                + " failed to construct: ") && out.contains("needs libfragile.so"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("good +collector +1\\.0 +" + Pattern.quote(
                folder.resolve("good.jar").toString()))), out);

        config("  - type: good", "");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(hasMetric(run.stdout(), "good-metric", "1") && run.stdout().contains("\"name\":\"ssh-cons-listen\""),
                run.stdout());
        assertTrue(run.stderr().contains("plugin problem: the plugin jar " + corrupt), run.stderr());

        config("  - type: twin", "");
        ConnwatchProcess.Result ambiguous = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(2, ambiguous.exitCode(), ambiguous.stderr());
        assertTrue(ambiguous.stderr().contains("collectors[1].type: two collector providers have the type name 'twin': ")
                && ambiguous.stderr().contains(twinA + " and ") && ambiguous.stderr().contains(twinB + "; remove one of the jars"),
                ambiguous.stderr());
        assertEquals("", ambiguous.stdout());
    }

    @Test
    void aCollectorThatThrowsCostsOnlyItsOwnMetricsAndASinkThatThrowsStopsNoOther() throws Exception {
        Path jar = TestPlugins.failingCollectorAndSink(plugins().resolve("failing.jar"));
        config("  - type: always-fails", "  - type: broken-sink");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals(2, run.stdoutLines().size(), run.stdout());
        assertTrue(run.stdout().contains("\"name\":\"ssh-cons-listen\"") && run.stdout().contains("\"name\":\"ssh-listen-queue\""),
                run.stdout());
        assertTrue(run.stderr().contains("collector always-fails (collectors[1], " + jar + ") failed this cycle; its"
                + " metrics of this cycle are lost: java.io.IOException: sensor unplugged"), run.stderr());
        assertTrue(run.stderr().contains("sink broken-sink (sinks[1], " + jar + ") failed: "
                + "java.lang.IllegalStateException: backend down"), run.stderr());
        assertTrue(run.stderr().matches("(?s).*cycle: 1 services, \\d+ sockets seen, 2 metrics collected, 2 delivered.*"), run.stderr());
    }

    @Test
    void aWorldWritablePluginsFolderIsRefusedAndTheBuiltInsKeepWorking() throws Exception {
        Path folder = plugins();
        TestPlugins.sample(folder.resolve("sample.jar"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        ConnwatchProcess.Result listing = connwatch("plugins", "--plugins", "plugins");
        assertEquals(1, listing.exitCode(), listing.stdout());
        assertTrue(listing.stdout().contains("problem: the plugins folder " + folder + " was refused, none of its jars"
                + " was loaded: it is world-writable (rwxrwxrwx): every user could put code in it that runs with"
                + " connwatch's rights; fix it with: chmod go-w " + folder), listing.stdout());
        assertFalse(listing.stdout().contains("loadavg"), listing.stdout());
        assertTrue(listing.stdout().lines().anyMatch(l -> l.startsWith("tcp-states ")), listing.stdout());

        config("", "");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(2, run.stdoutLines().size(), run.stdout());
        assertTrue(run.stderr().contains("[ERROR]") && run.stderr().contains("chmod go-w"), run.stderr());
    }

    @Test
    void aPluginsFolderInsideAWorldWritableFolderIsRefusedNamingThatFolder() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path folder = Files.createDirectories(shared.resolve("plugins"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestPlugins.sample(folder.resolve("sample.jar"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        ConnwatchProcess.Result listing = connwatch("plugins", "--plugins", "shared/plugins");
        assertEquals(1, listing.exitCode(), listing.stdout());
        assertTrue(listing.stdout().contains("problem: the plugins folder " + folder + " was refused, none of its jars"
                + " was loaded: the folder " + shared + " above it is world-writable (rwxrwxrwx): every user could"
                + " rename what is in it and put code in its place that runs with connwatch's rights; fix it with:"
                + " chmod go-w " + shared), listing.stdout());
        assertFalse(listing.stdout().contains("loadavg"), listing.stdout());
    }

    @Test
    void aPluginGetsItsOwnCopyOfALibraryTheRunnerAlsoUsesAndCannotSeeTheRunner() throws Exception {
        Path folder = plugins();
        TestPlugins.isolationProbe(folder.resolve("probe.jar"));
        TestPlugins.bundlingLibrary(folder.resolve("v1.jar"), "uses-v1", 1);
        TestPlugins.bundlingLibrary(folder.resolve("v2.jar"), "uses-v2", 2);
        config("""
                  - type: isolation
                  - type: uses-v1
                  - type: uses-v2
                """, "");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
        String out = run.stdout();
        // The runner has the real Jackson on its class path; the plugin's own JsonFactory is the one it gets.
        assertTrue(out.contains("\"name\":\"runner-main-visible\",\"value\":0,\"unit\":\"Count\",\"dimensions\":"
                + "{\"json-factory\":\"plugin-own-copy\"}"), out);
        assertTrue(hasMetric(out, "databind-visible", "0"), out);
        assertTrue(hasMetric(out, "services-files", "1"), out);
        assertTrue(hasMetric(out, "uses-v1", "1") && hasMetric(out, "uses-v2", "2"), out);
    }

    @Test
    void aNamedPluginsFolderThatIsMissingIsAnError() throws Exception {
        ConnwatchProcess.Result listing = connwatch("plugins", "--plugins", "nowhere");
        assertEquals(2, listing.exitCode(), listing.stderr());
        assertEquals("connwatch: the plugins folder " + dir.resolve("nowhere") + " (chosen by --plugins) does not exist\n",
                listing.stderr());

        config("", "");
        ConnwatchProcess.Result run = connwatch("run", "--once", "--config", "c.yaml");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("connwatch: configuration error: the plugins folder " + dir.resolve("plugins")
                + " (chosen by plugins: in c.yaml) does not exist"), run.stderr());
        assertEquals("", run.stdout());
    }
}
