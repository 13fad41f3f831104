package io.connwatch.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only, typed view of one plugin's entry in the configuration: the {@code type} and the plugin's own keys.
 *
 * <pre>{@code
 * sinks:
 *   - type: stdout
 *     format: json      # getChoice("format", "table", List.of("table", "json")) is "json"
 * }</pre>
 *
 * <p>Every getter records the key it was asked for. After the provider's {@code create} method returns, the
 * runner rejects any key of the entry that no getter asked for, suggesting the nearest key that was asked for:
 * a misspelled key is an error, never silently ignored. So a provider reads every key it accepts, even the
 * ones it would only need in some modes.
 *
 * <p>A getter whose key holds a value of the wrong kind throws a {@link ConfigException} that names the file,
 * line, column and key path. Values are already resolved: {@code ${env:NAME}} and the other placeholders have
 * been replaced.
 */
public interface ConfigEntry {

    /** The entry's {@code type}, which chose the provider, such as {@code stdout}. */
    String type();

    /** The entry's key path in the file, such as {@code sinks[1]}. */
    String path();

    /** Where the entry starts, as {@code file:line:column}. */
    String location();

    /** The plugin's keys present in the entry, in file order, without {@code type}. */
    Set<String> keys();

    /**
     * A text value.
     *
     * @param key the key
     * @return the value, or empty if the key is absent
     * @throws ConfigException if the value is a list or a map
     */
    Optional<String> getString(String key);

    /**
     * A text value with a default.
     *
     * @param key          the key
     * @param defaultValue the value when the key is absent
     * @return the value or the default
     * @throws ConfigException if the value is a list or a map
     */
    String getString(String key, String defaultValue);

    /**
     * A whole number.
     *
     * @param key the key
     * @return the value, or empty if the key is absent
     * @throws ConfigException if the value is not a whole number that fits an {@code int}
     */
    Optional<Integer> getInt(String key);

    /**
     * A whole number with a default.
     *
     * @param key          the key
     * @param defaultValue the value when the key is absent
     * @return the value or the default
     * @throws ConfigException if the value is not a whole number that fits an {@code int}
     */
    int getInt(String key, int defaultValue);

    /**
     * A boolean: {@code true} or {@code false}.
     *
     * @param key          the key
     * @param defaultValue the value when the key is absent
     * @return the value or the default
     * @throws ConfigException if the value is neither {@code true} nor {@code false}
     */
    boolean getBoolean(String key, boolean defaultValue);

    /**
     * A duration written as a number with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}.
     *
     * @param key the key
     * @return the value, or empty if the key is absent
     * @throws ConfigException if the value is not such a duration
     */
    Optional<Duration> getDuration(String key);

    /**
     * A list of texts; a single text counts as a list of one.
     *
     * @param key the key
     * @return the values, or an empty list if the key is absent
     * @throws ConfigException if the value or an element is a map
     */
    List<String> getStringList(String key);

    /**
     * One of a fixed set of words, such as a format name.
     *
     * @param key          the key
     * @param defaultValue the value when the key is absent
     * @param choices      the accepted values
     * @return the value or the default
     * @throws ConfigException if the value is not one of {@code choices}; the message suggests the nearest
     */
    String getChoice(String key, String defaultValue, Collection<String> choices);

    /**
     * An error about {@code key}, located at its value (or at the entry when the key is absent), for the provider
     * to throw.
     *
     * @param key     the key at fault
     * @param problem what is wrong, such as {@code "must be 1 or 60, not 30"}
     * @return the exception, with file, line, column and key path
     */
    ConfigException error(String key, String problem);
}
