package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;
import java.util.List;

/** A {@link PluginContext} with fixed services, standing in for the runner's. */
record FixedPluginContext(List<Service> services, String hostName) implements PluginContext {
}
