package io.connwatch.sinks.cloudwatch;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the CloudWatch client connects, waits and retries. Production uses {@link #PRODUCTION}; tests shorten the
 * back-off and give fixed credentials.
 *
 * @param connectTimeout      the TCP (and TLS) connect timeout of one attempt
 * @param socketTimeout       how long one read may wait for the server
 * @param attemptTimeout      the whole of one attempt
 * @param callTimeout         the whole of one request, retries included: bounds a cron run
 * @param maxAttempts         attempts per request, the first included
 * @param baseDelay           the back-off base for 5xx and I/O errors (exponential, full jitter)
 * @param throttlingBaseDelay the back-off base after throttling, longer because the account's rate is spent
 * @param maxDelay            the longest back-off
 * @param credentials         the credentials, or {@code null} for the SDK's default chain (environment, system
 *                            properties, profile, web identity, container, instance role)
 */
record CloudWatchClientTuning(Duration connectTimeout, Duration socketTimeout, Duration attemptTimeout,
                              Duration callTimeout, int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay,
                              Duration maxDelay, AwsCredentialsProvider credentials) {

    /**
     * A run from cron every minute must end well inside the minute: three attempts of at most 10 s, 30 s in all.
     * CloudWatch answers in tens of milliseconds, so these only bite when something is wrong.
     */
    static final CloudWatchClientTuning PRODUCTION = new CloudWatchClientTuning(Duration.ofSeconds(3),
            Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(30), 3, Duration.ofMillis(100),
            Duration.ofMillis(1000), Duration.ofSeconds(5), null);
}
