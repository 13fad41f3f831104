package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.ConfigException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal {@link ConfigEntry} over a map, standing in for the YAML loader's (another engineer's area): it records
 * the keys asked for, as the real one does to reject unknown keys.
 */
final class MapConfigEntry implements ConfigEntry {

    private final String type;
    private final Map<String, Object> values;
    private final Set<String> asked = new LinkedHashSet<>();

    MapConfigEntry(String type, Map<String, Object> values) {
        this.type = type;
        this.values = new LinkedHashMap<>(values);
    }

    Set<String> asked() {
        return asked;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String path() {
        return "sinks[0]";
    }

    @Override
    public String location() {
        return "test.yaml:1:3";
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public Optional<String> getString(String key) {
        asked.add(key);
        return Optional.ofNullable(values.get(key)).map(String::valueOf);
    }

    @Override
    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    @Override
    public Optional<Integer> getInt(String key) {
        asked.add(key);
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(String.valueOf(v)));
        } catch (NumberFormatException e) {
            throw error(key, "is not a whole number: " + v);
        }
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
        throw new UnsupportedOperationException("the cloudwatch sink has no duration key");
    }

    @Override
    public List<String> getStringList(String key) {
        throw new UnsupportedOperationException("the cloudwatch sink has no list key");
    }

    @Override
    public String getChoice(String key, String defaultValue, Collection<String> choices) {
        String value = getString(key, defaultValue);
        if (!choices.contains(value)) {
            throw error(key, "must be one of " + choices);
        }
        return value;
    }

    @Override
    public ConfigException error(String key, String problem) {
        return new ConfigException(location(), path() + "." + key, problem);
    }
}
