package io.connwatch.runner.config;

import static io.connwatch.runner.config.ConfigFixture.assertError;
import static io.connwatch.runner.config.ConfigFixture.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connwatch.api.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginEntryTest {

    private static final List<String> FORMATS = List.of("table", "json");

    private static PluginEntry sink(String keys) {
        return load("services: [{name: web, ports: [80]}]\nsinks:\n  - type: cloudwatch\n" + keys).sinks().get(0);
    }

    @Test
    void describesItself() {
        PluginEntry entry = sink("    region: auto\n    namespace: connwatch\n");
        assertEquals("cloudwatch", entry.type());
        assertEquals("sinks[0]", entry.path());
        assertEquals("test.yaml:3:5", entry.location());
        assertEquals(List.of("region", "namespace"), List.copyOf(entry.keys()));
    }

    @Test
    void texts() {
        PluginEntry entry = sink("    namespace: connwatch\n    endpoint: ${env:ENDPOINT:-http://127.0.0.1:4566}\n"
                + "    empty:\n    tags: [a, b]\n");
        assertEquals(Optional.of("connwatch"), entry.getString("namespace"));
        assertEquals("http://127.0.0.1:4566", entry.getString("endpoint", "x"));
        assertEquals(Optional.empty(), entry.getString("absent"));
        assertEquals("fallback", entry.getString("absent", "fallback"));
        assertEquals(Optional.empty(), entry.getString("empty"), "a key with no value counts as absent");
        assertError(assertThrows(ConfigException.class, () -> entry.getString("tags")), "7:11", "sinks[0].tags",
                "must be a text value, not a list");
    }

    @Test
    void ints() {
        PluginEntry entry = sink("    storage-resolution: 60\n    retries: three\n    big: 99999999999\n");
        assertEquals(Optional.of(60), entry.getInt("storage-resolution"));
        assertEquals(5, entry.getInt("absent", 5));
        assertError(assertThrows(ConfigException.class, () -> entry.getInt("retries")), "5:14", "sinks[0].retries",
                "must be a whole number, not 'three'");
        assertError(assertThrows(ConfigException.class, () -> entry.getInt("big", 1)), "6:10", "sinks[0].big",
                "must be a whole number from -2147483648 to 2147483647, not 99999999999");
    }

    @Test
    void booleans() {
        PluginEntry entry = sink("    on: true\n    off: False\n    maybe: yes\n");
        assertTrue(entry.getBoolean("on", false));
        assertFalse(entry.getBoolean("off", true));
        assertTrue(entry.getBoolean("absent", true));
        assertError(assertThrows(ConfigException.class, () -> entry.getBoolean("maybe", false)), "6:12",
                "sinks[0].maybe", "must be true or false, not 'yes'");
    }

    @Test
    void durations() {
        PluginEntry entry = sink("    timeout: 500ms\n    flush: 5m\n    bad: 5 minutes\n");
        assertEquals(Optional.of(Duration.ofMillis(500)), entry.getDuration("timeout"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), entry.getDuration("flush"));
        assertEquals(Optional.empty(), entry.getDuration("absent"));
        assertError(assertThrows(ConfigException.class, () -> entry.getDuration("bad")), "6:10", "sinks[0].bad",
                "'5 minutes' is not a duration; write a whole number and a unit: 500ms, 10s, 5m or 1h");
    }

    @Test
    void stringLists() {
        PluginEntry entry = sink("    tags: [a, b]\n    one: solo\n    nested: [a, {b: c}]\n    map: {a: b}\n");
        assertEquals(List.of("a", "b"), entry.getStringList("tags"));
        assertEquals(List.of("solo"), entry.getStringList("one"));
        assertEquals(List.of(), entry.getStringList("absent"));
        assertError(assertThrows(ConfigException.class, () -> entry.getStringList("nested")), "6:17",
                "sinks[0].nested[1]", "must be a text value, not a map");
        assertError(assertThrows(ConfigException.class, () -> entry.getStringList("map")), "7:10", "sinks[0].map",
                "must be a text value, not a map");
    }

    @Test
    void choices() {
        PluginEntry entry = sink("    format: JSON\n    other: jsn\n    far: xml\n");
        assertEquals("json", entry.getChoice("format", "table", FORMATS));
        assertEquals("table", entry.getChoice("absent", "table", FORMATS));
        assertError(assertThrows(ConfigException.class, () -> entry.getChoice("other", "table", FORMATS)), "5:12",
                "sinks[0].other", "'jsn' is not one of table, json; did you mean 'json'?");
        assertError(assertThrows(ConfigException.class, () -> entry.getChoice("far", "table", FORMATS)), "6:10",
                "sinks[0].far", "'xml' is not one of table, json");
    }

    @Test
    void errorLocatesAtTheValueOrTheEntry() {
        PluginEntry entry = sink("    storage-resolution: 30\n");
        assertError(entry.error("storage-resolution", "must be 1 or 60, not 30"), "4:25",
                "sinks[0].storage-resolution", "must be 1 or 60, not 30");
        assertError(entry.error("region", "is required here"), "3:5", "sinks[0].region", "is required here");
        assertError(entry.error("type", "unknown sink type 'cloudwatch'"), "3:11", "sinks[0].type",
                "unknown sink type 'cloudwatch'");
    }

    @Test
    void unreadKeyIsRejectedWithTheNearestAskedKey() {
        PluginEntry entry = sink("    namespace: connwatch\n    regoin: eu-west-1\n");
        entry.getString("namespace");
        entry.getString("region", "auto");
        ConfigException e = assertThrows(ConfigException.class, entry::rejectUnreadKeys);
        assertError(e, "5:5", "sinks[0].regoin", "unknown key 'regoin' for the cloudwatch sink; did you mean 'region'?");
    }

    @Test
    void unreadKeyFarFromAnyListsTheAcceptedKeys() {
        PluginEntry entry = sink("    colour: blue\n");
        entry.getString("namespace");
        entry.getInt("storage-resolution");
        assertError(assertThrows(ConfigException.class, entry::rejectUnreadKeys), "4:5", "sinks[0].colour",
                "unknown key 'colour' for the cloudwatch sink; the cloudwatch sink accepts: namespace, "
                        + "storage-resolution");
    }

    @Test
    void keysOfAPluginThatReadsNone() {
        PluginEntry entry = sink("    colour: blue\n");
        assertError(assertThrows(ConfigException.class, entry::rejectUnreadKeys), "4:5", "sinks[0].colour",
                "unknown key 'colour' for the cloudwatch sink; the cloudwatch sink takes no keys besides type");
    }

    @Test
    void everyKeyReadPasses() {
        PluginEntry entry = sink("    namespace: connwatch\n    empty:\n");
        entry.getString("namespace");
        entry.getString("empty");
        entry.rejectUnreadKeys();
        assertEquals(Set.of("namespace", "empty"), entry.keys());
    }
}
