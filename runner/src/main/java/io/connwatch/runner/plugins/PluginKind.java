package io.connwatch.runner.plugins;

import io.connwatch.api.CollectorProvider;
import io.connwatch.api.SinkProvider;

/** The two kinds of plugin, each with its provider interface and the config key that lists its entries. */
public enum PluginKind {
    COLLECTOR("collector", "collectors", CollectorProvider.class),
    SINK("sink", "sinks", SinkProvider.class);

    private final String word;
    private final String configKey;
    private final Class<?> providerInterface;

    PluginKind(String word, String configKey, Class<?> providerInterface) {
        this.word = word;
        this.configKey = configKey;
        this.providerInterface = providerInterface;
    }

    /** {@code collector} or {@code sink}. */
    public String word() {
        return word;
    }

    /** The top-level config key whose entries name plugins of this kind. */
    public String configKey() {
        return configKey;
    }

    /** The provider interface ServiceLoader looks up. */
    public Class<?> providerInterface() {
        return providerInterface;
    }
}
