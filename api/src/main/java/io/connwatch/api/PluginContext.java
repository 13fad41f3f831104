package io.connwatch.api;

import java.util.List;

/**
 * What the runner tells a provider about the whole configuration when it builds a plugin.
 */
public interface PluginContext {

    /** The configured services, in file order; never empty. */
    List<Service> services();

    /** This host's name, as {@code ${host}} resolves it. */
    String hostName();
}
