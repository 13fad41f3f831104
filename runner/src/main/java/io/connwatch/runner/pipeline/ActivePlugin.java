package io.connwatch.runner.pipeline;

import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginOrigin;

/**
 * A plugin built from one configuration entry.
 *
 * @param kind   collector or sink
 * @param type   the entry's type name
 * @param path   the entry's key path, such as {@code sinks[1]}
 * @param origin where its provider came from
 * @param plugin the {@link io.connwatch.api.Collector} or {@link io.connwatch.api.Sink}
 * @param <T>    the plugin's interface
 */
public record ActivePlugin<T>(PluginKind kind, String type, String path, PluginOrigin origin, T plugin) {

    /** For log lines: {@code sink stdout (sinks[0], built-in (connwatch-sinks.jar))}. */
    public String describe() {
        return kind.word() + " " + type + " (" + path + ", " + origin.describe() + ")";
    }
}
