package io.connwatch.sinks.cloudwatch;

import java.net.URI;
import java.util.Objects;

/**
 * One {@code cloudwatch} sink entry, validated.
 *
 * @param defaultNamespace  the namespace for metrics that name none
 * @param region            an AWS region name, or {@link #AUTO_REGION} for the SDK's default region chain
 * @param endpoint          where to send instead of CloudWatch's regional endpoint, or {@code null} to let the SDK
 *                          decide (it honours {@code AWS_ENDPOINT_URL_CLOUDWATCH} and {@code AWS_ENDPOINT_URL})
 * @param storageResolution 1 (high resolution) or 60 seconds
 */
record CloudWatchSinkSettings(String defaultNamespace, String region, URI endpoint, int storageResolution) {

    static final String AUTO_REGION = "auto";

    CloudWatchSinkSettings {
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        Objects.requireNonNull(region, "region");
        if (storageResolution != 1 && storageResolution != 60) {
            throw new IllegalArgumentException("storage resolution must be 1 or 60, not " + storageResolution);
        }
    }

    boolean regionIsAuto() {
        return AUTO_REGION.equals(region);
    }
}
