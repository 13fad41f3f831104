package io.connwatch.runner.pipeline;

import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;
import io.connwatch.runner.config.InstanceMetadata;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runner's answer to {@link PluginContext}: the configured services, the host name, and the instance
 * metadata, asked for only when a plugin needs it.
 *
 * @param services the configured services
 * @param hostName this host's name
 * @param metadata the instance metadata, built on first use
 */
public record RunnerPluginContext(List<Service> services, String hostName, Supplier<InstanceMetadata> metadata)
        implements PluginContext {

    /** Copies the services. */
    public RunnerPluginContext {
        services = List.copyOf(services);
    }

    @Override
    public Optional<String> instanceMetadata(String key) {
        return InstanceMetadata.KEYS.contains(key) ? metadata.get().lookup(key) : Optional.empty();
    }
}
