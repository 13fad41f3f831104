package io.connwatch.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * its log while it runs and stops it with SIGTERM ({@link Process#destroy()} sends SIGTERM on Linux).
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

    /**
     * Sends SIGTERM and waits for the process to exit.
     *
     * @param limit how long to wait at most
     * @return how long it took to exit
     */
    Duration sigtermAndAwaitExit(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("connwatch did not exit within " + limit + " of SIGTERM; log:\n" + stderr());
        }
        return Duration.ofNanos(System.nanoTime() - start);
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
