package io.connwatch.runner.pipeline;

import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;

import java.util.List;

/** The runner's answer to {@link PluginContext}: the configured services and the host name. */
public record RunnerPluginContext(List<Service> services, String hostName) implements PluginContext {

    /** Copies the services. */
    public RunnerPluginContext {
        services = List.copyOf(services);
    }
}
