package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A YAML mapping with unique keys, in file order.
 *
 * @param entries  the key/value pairs in file order
 * @param location where it starts ({@code {} or its first key)
 */
record YamlMap(List<Entry> entries, Location location) implements YamlNode {

    /**
     * One key and its value.
     *
     * @param key         the key's text
     * @param keyLocation where the key starts
     * @param value       the value
     */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    YamlMap {
        entries = List.copyOf(entries);
    }

    @Override
    public String kind() {
        return "a map";
    }

    /** The entry for {@code key}, if present. */
    Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code key}; empty when the key is absent or its value is YAML's null. */
    Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value).filter(v -> !v.isNull());
    }

    /** The keys in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            keys.add(e.key());
        }
        return keys;
    }

    /**
     * Fails on the first key that is not in {@code allowed}, at the key's position, suggesting the nearest allowed
     * key.
     *
     * @param path    this map's key path
     * @param allowed the keys this map accepts
     */
    void rejectUnknownKeys(String path, Collection<String> allowed) {
        for (Entry e : entries) {
            if (!allowed.contains(e.key())) {
                throw new ConfigException(e.keyLocation().toString(), KeyPath.key(path, e.key()),
                        "unknown key '" + e.key() + "'" + NearestWord.didYouMean(e.key(), allowed)
                                .orElse("; valid keys here: " + String.join(", ", allowed)));
            }
        }
    }
}
