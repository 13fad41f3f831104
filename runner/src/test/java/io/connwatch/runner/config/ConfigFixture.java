package io.connwatch.runner.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connwatch.api.ConfigException;
import java.util.Map;
import java.util.function.Supplier;

/** A loader with a fixed environment and host name, and assertions on configuration errors. */
final class ConfigFixture {

    static final String SOURCE = "test.yaml";
    static final String HOST = "test-host";
    static final Map<String, String> ENV = Map.of("STAGE", "prod", "EMPTY", "", "PORT", "8080");

    /** Fails the test if the loader asks for instance metadata. */
    static final Supplier<InstanceMetadata> NO_METADATA_EXPECTED = () -> {
        throw new AssertionError("instance metadata was consulted");
    };

    private ConfigFixture() {
    }

    static ConfigLoader loader() {
        return new ConfigLoader(ENV, () -> HOST, NO_METADATA_EXPECTED);
    }

    static ConfigLoader loader(InstanceMetadata metadata) {
        return new ConfigLoader(ENV, () -> HOST, () -> metadata);
    }

    static ConnwatchConfig load(String yaml) {
        return loader().load(SOURCE, yaml);
    }

    static ConfigException failure(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml));
    }

    static ConfigException failure(ConfigLoader loader, String yaml) {
        return assertThrows(ConfigException.class, () -> loader.load(SOURCE, yaml));
    }

    /** Asserts the exact location ({@code line:column} in test.yaml), key path and problem. */
    static void assertError(ConfigException e, String lineColumn, String keyPath, String problem) {
        assertAll(
                () -> assertEquals(lineColumn == null ? SOURCE : SOURCE + ":" + lineColumn, e.location(), "location"),
                () -> assertEquals(keyPath, e.keyPath(), "key path"),
                () -> assertEquals(problem, e.problem(), "problem"));
    }
}
