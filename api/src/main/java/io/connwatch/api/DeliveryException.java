package io.connwatch.api;

import java.util.List;

/**
 * Thrown by {@link Sink#publish(List)} when some metrics were not delivered.
 *
 * <p>It lists exactly the metrics that did not arrive (the others did) and says whether trying again later may
 * help: a timeout, throttling or a server error is {@linkplain #retryable() retryable}; access denied or an
 * invalid parameter is not. The message carries the backend's own words.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Metric> undelivered;
    private final boolean retryable;

    /**
     * @param message     what went wrong, in the backend's words where it gave any
     * @param undelivered the metrics that were not delivered
     * @param retryable   whether sending them again later may succeed
     * @param cause       the underlying failure, or {@code null}
     */
    public DeliveryException(String message, List<Metric> undelivered, boolean retryable, Throwable cause) {
        super(message, cause);
        this.undelivered = List.copyOf(undelivered);
        this.retryable = retryable;
    }

    /** The metrics that were not delivered. */
    public List<Metric> undelivered() {
        return undelivered;
    }

    /** Whether sending the undelivered metrics again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
