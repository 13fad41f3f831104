package io.connwatch.runner.identity;

import java.time.Duration;

/**
 * How long the metadata service is waited for. Off EC2 nothing answers at 169.254.169.254: the packets are dropped
 * (each attempt waits for the connect timeout) or refused (each fails at once). On EC2 the service answers within
 * milliseconds, so short timeouts cost nothing there.
 *
 * @param connectTimeout the TCP connect timeout of one attempt
 * @param readTimeout    how long one attempt waits for the answer
 * @param retries        attempts after the first, per request
 * @param budget         all the time the process spends on the service; later look-ups give up at once
 * @param retryAfterOutage how long after an outage (unreachable, too slow, an error status) the service is asked
 *                         again, with a fresh budget: a cron run never lives that long, a daemon does
 */
record ImdsTimeouts(Duration connectTimeout, Duration readTimeout, int retries, Duration budget,
                    Duration retryAfterOutage) {

    /**
     * Two attempts of at most 0.6 s each, with the SDK's standard back-off (up to 0.1 s) between them: an absent
     * service costs about 1.3 s, plus the few hundred milliseconds the first use of the SDK takes to load, within the
     * 2 s that PRODUCT.md promises.
     */
    static final ImdsTimeouts DEFAULT = new ImdsTimeouts(Duration.ofMillis(600), Duration.ofMillis(600), 1,
            Duration.ofSeconds(2), Duration.ofMinutes(5));
}
