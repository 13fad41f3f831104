package io.connwatch.sinks.cloudwatch;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Client tuning for tests: the production retry mode with millisecond back-off, and dummy static credentials. */
final class FastRetryTuning {

    static final String ACCESS_KEY_ID = "AKIDCONNWATCHTEST";

    static final CloudWatchClientTuning TUNING = new CloudWatchClientTuning(Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15), 3, Duration.ofMillis(1),
            Duration.ofMillis(1), Duration.ofMillis(5),
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, "not-a-secret")));

    private FastRetryTuning() {
    }
}
