package io.connwatch.api;

import java.util.List;
import java.util.Optional;

/**
 * What the runner tells a provider about the whole configuration when it builds a plugin.
 */
public interface PluginContext {

    /** The configured services, in file order; never empty. */
    List<Service> services();

    /** This host's name, as {@code ${host}} resolves it. */
    String hostName();

    /**
     * A fact about this host from the cloud's instance metadata service, as {@code ${ec2:KEY}} resolves it:
     * {@code instance-id}, {@code instance-type}, {@code ami-id}, {@code region}, {@code availability-zone},
     * {@code autoscaling-group}. The service is asked at most once per process, within about two seconds in all,
     * and only when something asks; call this when the value is needed (at the first send), not in
     * {@code create}, so that {@code validate} and configurations that never need it stay off the network.
     *
     * @param key the metadata key
     * @return the value, or empty off EC2, when the service is turned off, or for an unknown key
     */
    default Optional<String> instanceMetadata(String key) {
        return Optional.empty();
    }
}
