/**
 * Plugin discovery: finds every {@link io.connwatch.api.CollectorProvider} and {@link io.connwatch.api.SinkProvider}
 * with {@link java.util.ServiceLoader}, remembers where each came from, and reports duplicates and broken
 * providers without stopping the others. Internal: not public API.
 */
package io.connwatch.runner.plugins;
