package io.connwatch.runner.config;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code collectors} or {@code sinks} entry, handed to its provider as a {@link ConfigEntry}.
 *
 * <p>Values are already placeholder-resolved. A key whose value is YAML's null ({@code key:} with nothing after
 * it) counts as absent. Every getter records the key it was asked for; after the provider's {@code create}
 * returns, the runner calls {@link #rejectUnreadKeys()}. Not thread-safe: a provider reads its entry from the
 * thread that calls {@code create}.
 */
public final class PluginEntry implements ConfigEntry {

    private static final String TYPE = "type";

    private final String kind;
    private final String type;
    private final String path;
    private final Location location;
    private final YamlMap map;
    private final Set<String> asked = new LinkedHashSet<>();

    private PluginEntry(String kind, String type, String path, Location location, YamlMap map) {
        this.kind = kind;
        this.type = type;
        this.path = path;
        this.location = location;
        this.map = map;
        asked.add(TYPE);
    }

    /**
     * Reads an entry of a {@code collectors} or {@code sinks} list: a map with a text {@code type}.
     *
     * @param kind {@code collector} or {@code sink}, for messages
     * @param node the entry
     * @param path the entry's key path, such as {@code sinks[1]}
     * @return the entry
     * @throws ConfigException if the entry is not a map, or its {@code type} is missing or not a text
     */
    static PluginEntry read(String kind, YamlNode node, String path) {
        YamlMap map = node.asMap(path);
        String typePath = KeyPath.key(path, TYPE);
        YamlNode typeNode = map.get(TYPE).orElseThrow(() -> map.error(typePath,
                kind + " entry has no 'type' (the " + kind + " to use, such as "
                        + ("sink".equals(kind) ? "stdout" : "tcp-states") + ")"));
        String type = typeNode.asText(typePath);
        if (type.isBlank()) {
            throw typeNode.error(typePath, "type is blank");
        }
        return new PluginEntry(kind, type, path, map.location(), map);
    }

    /**
     * An entry the file does not write, for the default collector or sink: no keys.
     *
     * @param kind   {@code collector} or {@code sink}
     * @param type   the plugin type
     * @param path   the key path it stands for, such as {@code collectors[0]}
     * @param source the configuration's source name
     * @return the entry
     */
    static PluginEntry implicit(String kind, String type, String path, String source) {
        Location at = new Location(source, 1, 1);
        return new PluginEntry(kind, type, path, at, new YamlMap(List.of(), at));
    }

    /** {@code collector} or {@code sink}. */
    public String kind() {
        return kind;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(map.keys());
        keys.remove(TYPE);
        return Collections.unmodifiableSet(keys);
    }

    @Override
    public Optional<String> getString(String key) {
        return value(key).map(v -> v.asText(keyPath(key)));
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public Optional<Integer> getInt(String key) {
        return getString(key).map(text -> {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw error(key, text.trim().matches("[+-]?[0-9]+")
                        ? "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", not " + text
                        : "must be a whole number, not '" + text + "'");
            }
        });
    }

    @Override
    public int getInt(String key, int defaultValue) {
        return getInt(key).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return getString(key).map(text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
            throw error(key, "must be true or false, not '" + text + "'");
        }).orElse(defaultValue);
    }

    @Override
    public Optional<Duration> getDuration(String key) {
        return getString(key).map(text -> {
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        });
    }

    @Override
    public List<String> getStringList(String key) {
        Optional<YamlNode> node = value(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof YamlList list)) {
            return List.of(node.get().asText(keyPath(key)));
        }
        List<String> values = new ArrayList<>(list.items().size());
        for (YamlNode item : list.items()) {
            values.add(item.asText(KeyPath.index(keyPath(key), values.size())));
        }
        return List.copyOf(values);
    }

    @Override
    public String getChoice(String key, String defaultValue, Collection<String> choices) {
        Optional<String> text = getString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(text.get().trim())) {
                return choice;
            }
        }
        throw error(key, "'" + text.get() + "' is not one of " + String.join(", ", choices)
                + NearestWord.didYouMean(text.get(), choices).orElse(""));
    }

    @Override
    public ConfigException error(String key, String problem) {
        Location at = map.entry(key).map(e -> e.value().location()).orElse(location);
        return new ConfigException(at.toString(), keyPath(key), problem);
    }

    /**
     * Fails on the first key of the entry, in file order, that no getter asked for: the provider does not know
     * it, so it is most likely misspelled. The message suggests the nearest key that was asked for.
     *
     * @throws ConfigException located at the unread key
     */
    public void rejectUnreadKeys() {
        for (YamlMap.Entry e : map.entries()) {
            if (asked.contains(e.key())) {
                continue;
            }
            Set<String> accepted = new LinkedHashSet<>(asked);
            accepted.remove(TYPE);
            String what = "the " + type + " " + kind;
            String hint = NearestWord.didYouMean(e.key(), accepted).orElse(accepted.isEmpty()
                    ? "; " + what + " takes no keys besides type"
                    : "; " + what + " accepts: " + String.join(", ", accepted));
            throw new ConfigException(e.keyLocation().toString(), keyPath(e.key()),
                    "unknown key '" + e.key() + "' for " + what + hint);
        }
    }

    private Optional<YamlNode> value(String key) {
        asked.add(key);
        return map.get(key);
    }

    private String keyPath(String key) {
        return KeyPath.key(path, key);
    }

    @Override
    public String toString() {
        return kind + " " + type + " at " + location + " (" + path + ")";
    }
}
