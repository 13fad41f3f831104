package io.connwatch.collectors.tcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.ConfigException;

/**
 * A collector entry of a pretend file, {@code connwatch.yaml}, at {@code collectors[0]}: a stand-in for the
 * runner's YAML-backed entry. It records the keys asked for, as the runner does to reject unknown keys.
 */
final class MapConfigEntry implements ConfigEntry {

    static final String FILE_LOCATION = "connwatch.yaml:12:7";

    private final String type;
    private final Map<String, String> values;
    final Set<String> asked = new LinkedHashSet<>();
    final List<Collection<String>> choicesOffered = new ArrayList<>();

    MapConfigEntry(String type, Map<String, String> values) {
        this.type = type;
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String path() {
        return "collectors[0]";
    }

    @Override
    public String location() {
        return FILE_LOCATION;
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public Optional<String> getString(String key) {
        asked.add(key);
        return Optional.ofNullable(values.get(key));
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
        return getString(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    @Override
    public Optional<Duration> getDuration(String key) {
        throw new UnsupportedOperationException("no duration in the tcp-states entry; asked for " + key);
    }

    @Override
    public List<String> getStringList(String key) {
        return getString(key).map(List::of).orElse(List.of());
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
        return new ConfigException(FILE_LOCATION, path() + "." + key, problem);
    }
}
