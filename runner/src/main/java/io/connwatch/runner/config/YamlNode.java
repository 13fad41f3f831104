package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;

/**
 * A node of the parsed configuration with the place it starts: a {@link YamlScalar}, a {@link YamlList} or a
 * {@link YamlMap}. The {@code as…} methods check the node's kind and fail with an error located at the node.
 */
sealed interface YamlNode permits YamlScalar, YamlList, YamlMap {

    /** Where the node starts. */
    Location location();

    /** The node's kind as an error message names it: "a text", "a list", "a map" or "an empty value". */
    String kind();

    /** An error located at this node. */
    default ConfigException error(String path, String problem) {
        return new ConfigException(location().toString(), path, problem);
    }

    /** This node as a map, or an error naming what it is instead. */
    default YamlMap asMap(String path) {
        if (this instanceof YamlMap map) {
            return map;
        }
        throw error(path, "must be a map (key: value lines), not " + kind());
    }

    /** This node as a list, or an error naming what it is instead. */
    default YamlList asList(String path) {
        if (this instanceof YamlList list) {
            return list;
        }
        throw error(path, "must be a list, not " + kind());
    }

    /** This node's text, or an error if it is a list, a map or empty. */
    default String asText(String path) {
        if (this instanceof YamlScalar scalar && scalar.text() != null) {
            return scalar.text();
        }
        throw error(path, "must be a text value, not " + kind());
    }

    /** Whether this is YAML's null: {@code ~}, {@code null} or nothing after the colon. */
    default boolean isNull() {
        return this instanceof YamlScalar scalar && scalar.text() == null;
    }
}
