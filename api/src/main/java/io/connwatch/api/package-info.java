/**
 * The connwatch plugin API: what a collector or sink author compiles against, and nothing else.
 *
 * <p>The data model is immutable: a {@link io.connwatch.api.Metric} has an optional namespace, a name, a
 * value, a {@link io.connwatch.api.Unit}, ordered {@link io.connwatch.api.Dimension}s and the time of its
 * sample. The configured {@link io.connwatch.api.Service}s say which ports and
 * {@link io.connwatch.api.TcpState}s the user cares about.
 *
 * <p>The SPI has two halves, each a provider found with {@link java.util.ServiceLoader} and the plugin it
 * builds: {@link io.connwatch.api.CollectorProvider} / {@link io.connwatch.api.Collector} produce metrics
 * each cycle, {@link io.connwatch.api.SinkProvider} / {@link io.connwatch.api.Sink} deliver them. A provider
 * gets its own configuration entry as a typed, read-only {@link io.connwatch.api.ConfigEntry} and reports bad
 * values with {@link io.connwatch.api.ConfigEntry#error(String, String)}, which points at the file, line and
 * column.
 *
 * <p>This package depends on the JDK only, and changes only in ways that keep compiled plugins working.
 */
package io.connwatch.api;
