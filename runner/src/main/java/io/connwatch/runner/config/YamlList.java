package io.connwatch.runner.config;

import java.util.List;

/**
 * A YAML sequence.
 *
 * @param items    the elements in file order
 * @param location where it starts ({@code [} or the first {@code -})
 */
record YamlList(List<YamlNode> items, Location location) implements YamlNode {

    YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
