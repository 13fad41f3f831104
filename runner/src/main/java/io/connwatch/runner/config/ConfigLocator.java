package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the configuration file: {@code --config FILE} if given, else {@code ./connwatch.yaml}, else
 * {@code /etc/connwatch/connwatch.yaml}, else the embedded default.
 *
 * <p>A file that exists is chosen even if it cannot be read, so that a broken operator file is reported rather
 * than silently replaced by the next one.
 */
public final class ConfigLocator {

    /** The file name looked for in the working directory. */
    public static final String FILE_NAME = "connwatch.yaml";

    /** The system-wide configuration file. */
    public static final Path SYSTEM_CONFIG = Path.of("/etc/connwatch/connwatch.yaml");

    private final Path workingDir;
    private final Path systemConfig;

    /**
     * @param workingDir   where {@code connwatch.yaml} and a relative {@code --config} path are looked up;
     *                     {@code Path.of("")} keeps the paths in messages as the user wrote them
     * @param systemConfig the system-wide file, {@link #SYSTEM_CONFIG} outside tests
     */
    public ConfigLocator(Path workingDir, Path systemConfig) {
        this.workingDir = workingDir;
        this.systemConfig = systemConfig;
    }

    /** The locator for this process: the working directory and {@link #SYSTEM_CONFIG}. */
    public static ConfigLocator standard() {
        return new ConfigLocator(Path.of(""), SYSTEM_CONFIG);
    }

    /**
     * The file to load.
     *
     * @param explicit the {@code --config} argument, if given
     * @return the file, or empty for the embedded default
     * @throws ConfigException if {@code explicit} is given but is missing or is a directory
     */
    public Optional<Path> locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path file = workingDir.resolve(explicit.get());
            if (!Files.exists(file)) {
                throw new ConfigException(file.toString(), null, "no such file (given with --config)");
            }
            if (Files.isDirectory(file)) {
                throw new ConfigException(file.toString(), null, "is a directory, not a file (given with --config)");
            }
            return Optional.of(file);
        }
        Path local = workingDir.resolve(FILE_NAME);
        if (Files.exists(local)) {
            return Optional.of(local);
        }
        if (Files.exists(systemConfig)) {
            return Optional.of(systemConfig);
        }
        return Optional.empty();
    }

    /**
     * Locates the file and loads it with {@code loader}, or loads the embedded default when there is none.
     *
     * @param explicit the {@code --config} argument, if given
     * @param loader   the loader
     * @return the checked configuration
     * @throws ConfigException if the file is missing (when explicit), unreadable or invalid
     */
    public ConnwatchConfig load(Optional<Path> explicit, ConfigLoader loader) {
        Optional<Path> file = locate(explicit);
        return file.isPresent() ? loader.load(file.get()) : loader.loadDefault();
    }
}
