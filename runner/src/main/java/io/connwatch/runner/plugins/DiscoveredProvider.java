package io.connwatch.runner.plugins;

/**
 * A provider found by discovery, with where it came from.
 *
 * @param kind     collector or sink
 * @param type     the provider's type name
 * @param provider the provider instance ({@link io.connwatch.api.CollectorProvider} or
 *                 {@link io.connwatch.api.SinkProvider})
 * @param origin   where its class was loaded from
 */
public record DiscoveredProvider(PluginKind kind, String type, Object provider, PluginOrigin origin) {
}
