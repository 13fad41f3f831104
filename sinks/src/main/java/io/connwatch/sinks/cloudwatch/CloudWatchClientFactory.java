package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.PluginContext;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/**
 * Builds the sink's {@link CloudWatchClient}: the JDK-based url-connection HTTP client with explicit timeouts, the
 * standard retry mode (throttling, 5xx and I/O errors retried with exponential back-off and jitter), the region
 * and the endpoint.
 */
final class CloudWatchClientFactory {

    private static final String NO_REGION = "no AWS region for the cloudwatch sink";

    private final CloudWatchSinkSettings settings;
    private final CloudWatchClientTuning tuning;
    private final PluginContext context;

    CloudWatchClientFactory(CloudWatchSinkSettings settings, CloudWatchClientTuning tuning, PluginContext context) {
        this.settings = settings;
        this.tuning = tuning;
        this.context = context;
    }

    /**
     * Builds the client. Sends nothing itself, but with {@code region: auto} and no region in the environment or
     * profile the runner's instance metadata (bounded to about 2 s off EC2) is asked for the instance's region.
     *
     * @return the client
     * @throws SdkClientException if no region can be found; the message says where it was looked for
     */
    CloudWatchClient build() {
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
                .region(resolveRegion())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(tuning.connectTimeout())
                        .socketTimeout(tuning.socketTimeout()))
                // Standard mode explicitly, whatever AWS_RETRY_MODE says: adaptive mode would delay sends
                // client-side, legacy mode retries less predictably.
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(tuning.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(tuning.baseDelay(), tuning.maxDelay()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        tuning.throttlingBaseDelay(), tuning.maxDelay()))
                                .build())
                        .apiCallAttemptTimeout(tuning.attemptTimeout())
                        .apiCallTimeout(tuning.callTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (tuning.credentials() != null) {
            builder.credentialsProvider(tuning.credentials());
        }
        return builder.build();
    }

    /**
     * Whether the region is known without asking the instance metadata service: given in the entry, or found in
     * the environment, the system properties or the AWS profile. Only then is the client built ahead of the first
     * send, so that {@code validate} and a dry run never reach the metadata service.
     */
    boolean regionKnownWithoutMetadata() {
        if (!settings.regionIsAuto()) {
            return true;
        }
        try {
            new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider()).getRegion();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    /**
     * Whether {@code e} is this factory's "no region" failure. It is transient: with {@code region: auto} the region
     * comes from the metadata service, which may be back at the next send; the daemon keeps the datums meanwhile.
     */
    static boolean isNoRegion(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith(NO_REGION);
    }

    private Region resolveRegion() {
        if (!settings.regionIsAuto()) {
            return Region.of(settings.region().toLowerCase(Locale.ROOT));
        }
        try {
            // The SDK's default chain without its last link: its own metadata look-up retries for about 7 s off EC2.
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException e) {
            Optional<String> fromMetadata = context.instanceMetadata("region");
            if (fromMetadata.isPresent()) {
                return Region.of(fromMetadata.get());
            }
            throw SdkClientException.create(NO_REGION + ": region is auto, and neither "
                    + "AWS_REGION, the aws.region system property, the AWS profile nor the instance metadata "
                    + "service gave one; set region: in the sink's entry or AWS_REGION (" + e.getMessage() + ")", e);
        }
    }
}
