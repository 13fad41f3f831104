package io.connwatch.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built archive, unpacked with tar and run with its own bin/connwatch: no Maven, no source tree. */
class DistributionArchiveTest {

    private static final String VERSION = System.getProperty("connwatch.version");

    @TempDir
    static Path unpacked;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("connwatch.archive"));
        Result tar = run(unpacked, "tar", "xzf", archive.toString());
        assertEquals(0, tar.exitCode, tar.stderr);
        home = unpacked.resolve("connwatch-" + VERSION);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Result connwatch(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/connwatch").toString());
        command.addAll(List.of(args));
        return run(unpacked, command.toArray(String[]::new));
    }

    @Test
    void theLayoutIsBinLibAnEmptyPluginsFolderAndConfig() throws IOException {
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin/connwatch"))));
        assertTrue(Files.isRegularFile(home.resolve("lib/connwatch-runner-" + VERSION + ".jar")));
        assertTrue(Files.isRegularFile(home.resolve("lib/connwatch-api-" + VERSION + ".jar")));
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            assertEquals(List.of(home.resolve("plugins/README.txt")), plugins.toList());
        }
        // Not writable by group or others, or connwatch would refuse its own plugins folder.
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("plugins"))));
        assertTrue(Files.isRegularFile(home.resolve("config/local.yaml")));
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertTrue(lib.noneMatch(p -> p.getFileName().toString().contains("sample")), "the sample plugin is no built-in");
        }
    }

    @Test
    void binConnwatchRunsAndFindsAJarDroppedIntoPlugins() throws Exception {
        Result version = connwatch("--version");
        assertEquals(0, version.exitCode, version.stderr);
        assertEquals("connwatch " + VERSION + "\n", version.stdout);

        Path jar = Files.copy(Path.of(System.getProperty("connwatch.sample.jar")), home.resolve("plugins/loadavg.jar"));
        try {
            Result listing = connwatch("plugins");
            assertEquals(0, listing.exitCode, listing.stdout + listing.stderr);
            assertTrue(listing.stdout.startsWith("plugins folder: " + home.resolve("plugins")
                    + " (the default beside the runner)\n"), listing.stdout);
            assertTrue(listing.stdout.lines().anyMatch(l -> l.matches("loadavg +collector +\\S+ +" + jar)), listing.stdout);

            Path config = Files.writeString(unpacked.resolve("c.yaml"), """
                    services:
                      - name: ssh
                        ports: [22]
                        states: [listen]
                    collectors:
                      - type: tcp-states
                      - type: loadavg
                    sinks:
                      - type: stdout
                        format: json
                    """);
            Result run = connwatch("run", "--once", "--config", config.toString());
            assertEquals(0, run.exitCode, run.stderr);
            assertTrue(run.stdout.contains("\"name\":\"ssh-cons-listen\"") && run.stdout.contains("\"name\":\"loadavg-15m\""),
                    run.stdout);
        } finally {
            Files.delete(jar);
        }
    }
}
