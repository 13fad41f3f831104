package io.connwatch.runner;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition by polling it until a deadline: the tests' replacement for sleeping. Public for the tests
 * in the runner's sub-packages.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(5);

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; fails the test after {@code timeout}.
     *
     * @param condition polled every few milliseconds until it holds
     * @param timeout   how long to wait at most
     * @param what      what is awaited, for the failure: {@code "a send"}
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        until(condition, timeout, what, () -> "");
    }

    /**
     * Like {@link #until(BooleanSupplier, Duration, String)}, with {@code details} added to the failure message,
     * read only on failure (such as a child process's log).
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what, Supplier<String> details) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + inWords(timeout) + " for " + what + details.get());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static String inWords(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
