package io.connwatch.runner.config;

/**
 * A scalar as written: numbers and booleans stay text, so that placeholders can produce any of them and each
 * key parses its own value.
 *
 * @param text     the value, or {@code null} for YAML's null
 * @param location where it starts
 */
record YamlScalar(String text, Location location) implements YamlNode {

    @Override
    public String kind() {
        return text == null ? "an empty value" : "a text";
    }
}
