package io.connwatch.api;

/**
 * Builds a {@link Sink} from its configuration entry. Found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/io.connwatch.api.SinkProvider}. It needs a public
 * no-argument constructor.
 *
 * <pre>{@code
 * sinks:
 *   - type: stdout     # chooses the provider whose type() is "stdout"
 *     format: json     # read by the provider through ConfigEntry
 * }</pre>
 */
public interface SinkProvider {

    /**
     * The type name that selects this provider in a {@code sinks} entry, such as {@code cloudwatch}. Two
     * providers with one type name are an error. Lower case words joined by {@code -}.
     *
     * @return the type name
     */
    String type();

    /**
     * Builds a sink for one configuration entry. Called once per entry whose {@code type} is {@link #type()},
     * when the runner starts (and by {@code connwatch validate}), before anything is collected or sent. It should
     * not contact its backend: {@code validate} must send nothing.
     *
     * @param config  the entry's own keys; read every key the sink accepts
     * @param context the configured services and host
     * @return the sink
     * @throws ConfigException for a bad value, made with {@link ConfigEntry#error(String, String)}
     */
    Sink create(ConfigEntry config, PluginContext context);
}
