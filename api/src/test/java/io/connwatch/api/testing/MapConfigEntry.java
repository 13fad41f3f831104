package io.connwatch.api.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.ConfigException;

/**
 * A plugin entry of a pretend file, {@code connwatch.yaml}, backed by a map: a stand-in for the runner's
 * YAML-backed entry (another module, which the plugin modules must not depend on). Values are turned to text with
 * {@link String#valueOf}, so {@code 30} and {@code "30"} read alike; a {@link List} value is a list of texts. Like
 * the runner's entry it records the keys asked for (the runner rejects the others), and it also records the
 * choices each {@link #getChoice} call offered.
 */
public final class MapConfigEntry implements ConfigEntry {

    /** Where every entry of this fixture says it starts. */
    public static final String FILE_LOCATION = "connwatch.yaml:12:7";

    private final String path;
    private final String type;
    private final Map<String, ?> values;
    private final Set<String> asked = new LinkedHashSet<>();
    private final List<Collection<String>> choicesOffered = new ArrayList<>();

    private MapConfigEntry(String path, String type, Map<String, ?> values) {
        this.path = path;
        this.type = type;
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * The entry at {@code collectors[0]}.
     *
     * @param type   the entry's {@code type}
     * @param values the plugin's keys and values, without {@code type}
     * @return the entry
     */
    public static MapConfigEntry collector(String type, Map<String, ?> values) {
        return new MapConfigEntry("collectors[0]", type, values);
    }

    /**
     * The entry at {@code sinks[0]}.
     *
     * @param type   the entry's {@code type}
     * @param values the plugin's keys and values, without {@code type}
     * @return the entry
     */
    public static MapConfigEntry sink(String type, Map<String, ?> values) {
        return new MapConfigEntry("sinks[0]", type, values);
    }

    /** The keys any getter was asked for, in the order first asked. */
    public Set<String> asked() {
        return Collections.unmodifiableSet(asked);
    }

    /** The {@code choices} of each {@link #getChoice} call, in call order. */
    public List<Collection<String>> choicesOffered() {
        return Collections.unmodifiableList(choicesOffered);
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
        return FILE_LOCATION;
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    private Object raw(String key) {
        asked.add(key);
        return values.get(key);
    }

    @Override
    public Optional<String> getString(String key) {
        Object value = raw(key);
        if (value instanceof List<?>) {
            throw error(key, "must be a text, not a list");
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public Optional<Integer> getInt(String key) {
        return getString(key).map(v -> {
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number, not " + v);
            }
        });
    }

    @Override
    public int getInt(String key, int defaultValue) {
        return getInt(key).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return getString(key).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "must be true or false, not " + v);
        }).orElse(defaultValue);
    }

    @Override
    public Optional<Duration> getDuration(String key) {
        // No plugin under test reads a duration; a provider that starts to should get a fixture that parses them.
        throw new UnsupportedOperationException("MapConfigEntry reads no durations; asked for " + key);
    }

    @Override
    public List<String> getStringList(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @Override
    public String getChoice(String key, String defaultValue, Collection<String> choices) {
        choicesOffered.add(List.copyOf(choices));
        String value = getString(key, defaultValue);
        if (!choices.contains(value)) {
            throw error(key, "must be one of " + choices + ", not " + value);
        }
        return value;
    }

    @Override
    public ConfigException error(String key, String problem) {
        return new ConfigException(FILE_LOCATION, path + "." + key, problem);
    }
}
