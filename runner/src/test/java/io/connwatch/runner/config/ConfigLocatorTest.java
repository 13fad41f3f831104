package io.connwatch.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connwatch.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {

    @TempDir
    Path root;
    private Path cwd;
    private Path etc;
    private ConfigLocator locator;

    @BeforeEach
    void setUp() throws IOException {
        cwd = Files.createDirectories(root.resolve("cwd"));
        etc = root.resolve("etc/connwatch/connwatch.yaml");
        Files.createDirectories(etc.getParent());
        locator = new ConfigLocator(cwd, etc);
    }

    private static Path write(Path file, String serviceName) throws IOException {
        Files.writeString(file, "services: [{name: " + serviceName + ", ports: [80]}]\n");
        return file;
    }

    private String loadedServiceName(Optional<Path> explicit) {
        return locator.load(explicit, ConfigFixture.loader()).services().get(0).name();
    }

    @Test
    void explicitConfigWinsOverTheOthers() throws IOException {
        write(cwd.resolve("connwatch.yaml"), "local");
        write(etc, "system");
        Path explicit = write(root.resolve("mine.yaml"), "mine");
        assertEquals(Optional.of(explicit), locator.locate(Optional.of(explicit)));
        assertEquals("mine", loadedServiceName(Optional.of(explicit)));
    }

    @Test
    void relativeExplicitConfigIsTakenFromTheWorkingDirectory() throws IOException {
        write(cwd.resolve("other.yaml"), "other");
        assertEquals(Optional.of(cwd.resolve("other.yaml")), locator.locate(Optional.of(Path.of("other.yaml"))));
        assertEquals("other", loadedServiceName(Optional.of(Path.of("other.yaml"))));
    }

    @Test
    void missingExplicitConfigIsAnErrorEvenIfOthersExist() throws IOException {
        write(cwd.resolve("connwatch.yaml"), "local");
        Path missing = root.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> locator.locate(Optional.of(missing)));
        assertEquals(missing.toString(), e.location());
        assertEquals("no such file (given with --config)", e.problem());
        ConfigException dir = assertThrows(ConfigException.class, () -> locator.locate(Optional.of(root)));
        assertEquals("is a directory, not a file (given with --config)", dir.problem());
    }

    @Test
    void workingDirectoryFileComesBeforeTheSystemFile() throws IOException {
        write(cwd.resolve("connwatch.yaml"), "local");
        write(etc, "system");
        assertEquals(Optional.of(cwd.resolve("connwatch.yaml")), locator.locate(Optional.empty()));
        assertEquals("local", loadedServiceName(Optional.empty()));
    }

    @Test
    void systemFileWhenNoLocalOne() throws IOException {
        write(etc, "system");
        assertEquals(Optional.of(etc), locator.locate(Optional.empty()));
        assertEquals("system", loadedServiceName(Optional.empty()));
    }

    @Test
    void embeddedDefaultWhenNoFileExists() {
        assertEquals(Optional.empty(), locator.locate(Optional.empty()));
        ConnwatchConfig config = locator.load(Optional.empty(), ConfigFixture.loader());
        assertEquals(ConfigLoader.EMBEDDED_SOURCE, config.source());
        assertEquals(List.of("web", "db"), config.services().stream().map(s -> s.name()).toList());
    }

    @Test
    void brokenLocalFileIsReportedNotSkipped() throws IOException {
        Files.writeString(cwd.resolve("connwatch.yaml"), "services: [}\n");
        write(etc, "system");
        ConfigException e = assertThrows(ConfigException.class, () -> locator.load(Optional.empty(),
                ConfigFixture.loader()));
        assertEquals(cwd.resolve("connwatch.yaml") + ":1:12", e.location());
    }

    @Test
    void standardLocatorKeepsPathsAsWritten() {
        assertEquals(Optional.of(Path.of("pom.xml")), ConfigLocator.standard().locate(Optional.of(Path.of("pom.xml"))));
    }
}
