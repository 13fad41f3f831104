package io.connwatch.runner.config;

import java.util.List;
import java.util.Optional;

/**
 * Where {@code ${ec2:KEY}} placeholders get their values: the instance metadata service in production, a fixed
 * map in tests. The loader asks only when a placeholder needs it, so a config without {@code ${ec2:…}} never
 * touches the network.
 */
public interface InstanceMetadata {

    /** The keys {@code ${ec2:KEY}} accepts, in the order the documentation lists them. */
    List<String> KEYS = List.of("instance-id", "instance-type", "ami-id", "region", "availability-zone",
            "autoscaling-group");

    /**
     * The value of {@code key}, one of {@link #KEYS}.
     *
     * @param key the metadata key
     * @return the value, or empty when it cannot be had; {@link #unavailableReason(String)} then says why
     */
    Optional<String> lookup(String key);

    /**
     * Why {@link #lookup(String)} gave nothing for {@code key}, as a sentence fragment for an error message, such
     * as {@code "the instance metadata service did not answer within 2 s"}.
     *
     * @param key the metadata key that was not found
     * @return the reason
     */
    String unavailableReason(String key);

    /** Metadata that is never available, for hosts where the service is turned off. */
    static InstanceMetadata none(String reason) {
        return new InstanceMetadata() {
            @Override
            public Optional<String> lookup(String key) {
                return Optional.empty();
            }

            @Override
            public String unavailableReason(String key) {
                return reason;
            }
        };
    }
}
