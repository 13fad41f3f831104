package io.connwatch.collectors.tcp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a piece of code wrote to System.err, where slf4j-simple logs: the log lines, for tests. */
final class StderrCapture {

    /** Code that may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final String text;

    private StderrCapture(String text) {
        this.text = text;
    }

    /** Runs {@code action} with System.err captured, then puts System.err back. */
    static StderrCapture during(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            action.run();
        } finally {
            System.setErr(original);
        }
        return new StderrCapture(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The non-blank lines written. */
    List<String> lines() {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
