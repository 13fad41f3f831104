package io.connwatch.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code connwatch run} as a long-lived child JVM, like {@link ConnwatchProcess} but left running: the test watches
 * its log while it runs and stops it with a signal ({@link StopSignal}).
 */
final class DaemonProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private DaemonProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts connwatch.
     *
     * @param workDir    its working directory
     * @param env        added to its environment
     * @param systemProperties {@code -D} options for its JVM, such as log levels
     * @param args       the command line
     */
    static DaemonProcess start(Path workDir, Map<String, String> env, List<String> systemProperties, String... args)
            throws IOException {
        Path out = Files.createTempFile("connwatch-daemon-out", ".txt");
        Path err = Files.createTempFile("connwatch-daemon-err", ".txt");
        return new DaemonProcess(ConnwatchProcess.start(workDir, env, systemProperties, out, err, args), out, err);
    }

    /** Its standard error so far: the log. */
    String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log lines so far that contain {@code text}. */
    List<String> logLinesWith(String text) {
        return stderr().lines().filter(l -> l.contains(text)).toList();
    }

    /** Waits until the log satisfies {@code condition}; fails naming {@code what} after {@code timeout}. */
    void awaitLog(Predicate<String> condition, Duration timeout, String what) {
        Await.until(() -> {
            if (condition.test(stderr())) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("connwatch exited (" + process.exitValue() + ") before " + what + ":\n"
                        + stderr());
            }
            return false;
        }, timeout, what, () -> "; log:\n" + stderr());
    }

    /** A signal that asks connwatch to stop, and how the test sends it. */
    enum StopSignal {
        /** What systemd and container runtimes send: {@link Process#destroy()} sends it on Linux. */
        SIGTERM(15),
        /** What Ctrl-C in a terminal sends; sent with kill(1), as the JDK has no call for it. */
        SIGINT(2);

        private final int number;

        StopSignal(int number) {
            this.number = number;
        }

        void sendTo(Process process) throws IOException, InterruptedException {
            if (this == SIGTERM) {
                process.destroy();
                return;
            }
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new AssertionError("kill -INT " + process.pid() + " did not finish within 10 s");
            }
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.exitValue() != 0) {
                throw new AssertionError("kill -INT " + process.pid() + " exited " + kill.exitValue() + ": " + said);
            }
        }
    }

    /**
     * Sends {@code signal} and waits for the process to exit.
     *
     * @param signal what to send
     * @param limit  how long to wait at most
     * @return how long it took to exit
     */
    Duration signalAndAwaitExit(StopSignal signal, Duration limit) throws IOException, InterruptedException {
        long start = System.nanoTime();
        signal.sendTo(process);
        if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("connwatch did not exit within " + limit + " of " + signal + "; log:\n"
                    + stderr());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Sends SIGTERM and waits for the process to exit; see {@link #signalAndAwaitExit}. */
    Duration sigtermAndAwaitExit(Duration limit) throws IOException, InterruptedException {
        return signalAndAwaitExit(StopSignal.SIGTERM, limit);
    }

    /**
     * Whether the process ignores {@code signal}, as its {@code /proc} status says: a JVM started with a signal
     * ignored leaves it so, and a child inherits what its parent ignored.
     */
    boolean ignores(StopSignal signal) throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst()
                .orElseThrow(() -> new AssertionError("no SigIgn in /proc/" + process.pid() + "/status"))
                .substring("SigIgn:".length()).trim();
        return new BigInteger(ignored, 16).testBit(signal.number - 1);
    }

    /** The exit status, once it has exited. */
    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
