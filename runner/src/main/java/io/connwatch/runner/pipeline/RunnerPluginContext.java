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
 * @param hostNames this host's name, looked up when a plugin first asks (a host whose name does not resolve
 *                  can take seconds)
 * @param metadata the instance metadata, built on first use
 */
public record RunnerPluginContext(List<Service> services, Supplier<String> hostNames, Supplier<InstanceMetadata> metadata)
        implements PluginContext {

    /** Copies the services. */
    public RunnerPluginContext {
        services = List.copyOf(services);
    }

    @Override
    public String hostName() {
        return hostNames.get();
    }

    @Override
    public Optional<String> instanceMetadata(String key) {
        return InstanceMetadata.KEYS.contains(key) ? metadata.get().lookup(key) : Optional.empty();
    }
}
