package io.connwatch.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs connwatch as users do: a separate JVM with the runner's class path, its own working directory and
 * environment, standard output and error captured apart.
 */
final class ConnwatchProcess {

    /** What a finished run left. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    private ConnwatchProcess() {
    }

    static Result run(Path workDir, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("connwatch-out", ".txt");
        Path err = Files.createTempFile("connwatch-err", ".txt");
        try {
            Process p = start(workDir, extraEnv, List.of(), out, err, args);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("connwatch " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts connwatch in a new JVM with this test's class path; {@link DaemonProcess} leaves it running.
     *
     * @param workDir    its working directory
     * @param extraEnv   added to its environment, over {@code AWS_EC2_METADATA_DISABLED=true}
     * @param jvmOptions options for its JVM before the class path, such as {@code -D} log levels
     * @param out        the file its standard output goes to
     * @param err        the file its standard error goes to
     * @param args       the command line
     * @return the started process
     */
    private static final boolean ENV_RESETS_SIGNALS = envResetsSignals();

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT,TERM", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Process start(Path workDir, Map<String, String> extraEnv, List<String> jvmOptions, Path out, Path err,
            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        // A build started in the background of a non-interactive shell ignores SIGINT, and a child inherits that: the
        // JVM would then never see the Ctrl-C the daemon tests send. coreutils' env puts the default action back.
        if (ENV_RESETS_SIGNALS) {
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // Never let a test reach a real metadata service or AWS account.
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().putAll(extraEnv);
        return pb.start();
    }
}
