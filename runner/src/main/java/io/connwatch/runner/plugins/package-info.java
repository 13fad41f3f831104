/**
 * Plugin discovery: finds every {@link io.connwatch.api.CollectorProvider} and {@link io.connwatch.api.SinkProvider}
 * with {@link java.util.ServiceLoader} on the runner's class path and in each jar of the plugins folder (each jar
 * in its own class loader that sees only the JDK and {@code io.connwatch.api}), refuses folders and jars that
 * others than root or the runner's user could change, remembers where each provider came from, and reports
 * duplicates and broken jars without stopping the others. Internal: not public API.
 */
package io.connwatch.runner.plugins;
