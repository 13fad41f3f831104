package io.connwatch.api;

/**
 * Builds a {@link Collector} from its configuration entry. Found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/io.connwatch.api.CollectorProvider}. It needs a public
 * no-argument constructor.
 *
 * <pre>{@code
 * collectors:
 *   - type: tcp-states   # chooses the provider whose type() is "tcp-states"
 *     source: procfs     # read by the provider through ConfigEntry
 * }</pre>
 */
public interface CollectorProvider {

    /**
     * The type name that selects this provider in a {@code collectors} entry, such as {@code tcp-states}. Two
     * providers with one type name are an error. Lower case words joined by {@code -}.
     *
     * @return the type name
     */
    String type();

    /**
     * Builds a collector for one configuration entry. Called once per entry whose {@code type} is
     * {@link #type()}, when the runner starts (and by {@code connwatch validate}), before any cycle.
     *
     * @param config  the entry's own keys; read every key the collector accepts
     * @param context the configured services and host
     * @return the collector
     * @throws ConfigException for a bad value, made with {@link ConfigEntry#error(String, String)}
     */
    Collector create(ConfigEntry config, PluginContext context);
}
