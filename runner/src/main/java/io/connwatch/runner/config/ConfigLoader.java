package io.connwatch.runner.config;

import io.connwatch.api.ConfigException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Loads a configuration file, or the embedded default, into a checked {@link ConnwatchConfig}.
 *
 * <p>The whole file is checked before anything runs: unknown keys, kinds of values, ports, states, durations,
 * metric names, placeholders. The first problem is thrown as a {@link ConfigException} naming the file, line,
 * column and key path. Plugin entries are checked only for their {@code type}; their own keys are the provider's
 * to read (see {@link PluginEntry#rejectUnreadKeys()}).
 */
public final class ConfigLoader {

    /** The source name of the configuration built into the runner. */
    public static final String EMBEDDED_SOURCE = "(embedded default)";

    /** CloudWatch accepts at most 30 dimensions per metric. */
    public static final int MAX_DIMENSIONS = 30;

    static final List<String> KEYS = List.of("interval", "publish-interval", "max-buffered-datums", "plugins",
            "dimensions", "services", "collectors", "sinks");

    /**
     * The daemon keeps at most this many undelivered datums per sink by default: more than two hours of the default
     * configuration (web and db, all states: 26 metrics a minute, 3,120 in two hours) and about 7 hours of it,
     * in about 3 MB.
     */
    public static final int DEFAULT_MAX_BUFFERED_DATUMS = 10_000;
    /** The largest buffer the loader accepts: about 300 MB of datums, already more than a small host should hold. */
    static final int MAX_BUFFERED_DATUMS_LIMIT = 1_000_000;

    private static final String DEFAULT_RESOURCE = "default.yaml";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** A day: longer makes no sense for a sampler, and keeps the daemon's tick arithmetic far from overflow. */
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);
    private static final int MAX_DIMENSION_NAME = 255;
    private static final int MAX_DIMENSION_VALUE = 1024;

    private final PlaceholderResolver placeholders;

    /**
     * @param env      the environment for {@code ${env:NAME}}, such as {@link System#getenv()}
     * @param hostName the host name for {@code ${host}}, such as {@link SystemHostName}; asked at most once, and only
     *                 when a value holds {@code ${host}}
     * @param metadata the instance metadata for {@code ${ec2:KEY}}; asked at most once, and only when a value
     *                 needs an {@code ${ec2:…}} placeholder
     */
    public ConfigLoader(Map<String, String> env, Supplier<String> hostName, Supplier<InstanceMetadata> metadata) {
        this.placeholders = new PlaceholderResolver(Map.copyOf(env), once(hostName), once(metadata));
    }

    /**
     * A loader for this process: {@link System#getenv()} and {@link SystemHostName}.
     *
     * @param metadata the instance metadata for {@code ${ec2:KEY}}, asked only when needed
     * @return the loader
     */
    public static ConfigLoader forSystem(Supplier<InstanceMetadata> metadata) {
        Map<String, String> env = System.getenv();
        return new ConfigLoader(env, new SystemHostName(env), metadata);
    }

    /**
     * Loads a file. Error messages name it as {@code file} is written; a relative {@code plugins:} folder is taken
     * from the file's folder.
     *
     * @param file the YAML file
     * @return the checked configuration
     * @throws ConfigException if the file cannot be read or is not a valid configuration
     */
    public ConnwatchConfig load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw withCause(new ConfigException(source, null, "no such file"), e);
        } catch (AccessDeniedException e) {
            throw withCause(new ConfigException(source, null, "cannot read the file: permission denied"), e);
        } catch (CharacterCodingException e) {
            throw withCause(new ConfigException(source, null, "the file is not UTF-8 text"), e);
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a directory, not a file" : "cannot read the file: " + e;
            throw withCause(new ConfigException(source, null, why), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return load(source, new StringReader(text), parent);
    }

    /**
     * Loads YAML text; a relative {@code plugins:} folder stays relative (to the working directory).
     *
     * @param sourceName the name error messages use for the text
     * @param reader     the text; not closed
     * @return the checked configuration
     * @throws ConfigException if the text is not a valid configuration
     */
    public ConnwatchConfig load(String sourceName, Reader reader) {
        return load(sourceName, reader, null);
    }

    /**
     * Loads YAML text; a relative {@code plugins:} folder stays relative (to the working directory).
     *
     * @param sourceName the name error messages use for the text
     * @param text       the YAML
     * @return the checked configuration
     * @throws ConfigException if the text is not a valid configuration
     */
    public ConnwatchConfig load(String sourceName, String text) {
        return load(sourceName, new StringReader(text), null);
    }

    /**
     * Loads the configuration built into the runner: services web (80, 443) and db (3306), all states, the
     * {@code tcp-states} collector and the {@code stdout} sink.
     *
     * @return the checked configuration, with source {@link #EMBEDDED_SOURCE}
     */
    public ConnwatchConfig loadDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the runner's jar");
            }
            return load(EMBEDDED_SOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded " + DEFAULT_RESOURCE, e);
        }
    }

    private ConnwatchConfig load(String source, Reader reader, Path baseDir) {
        YamlMap raw = YamlTreeReader.read(source, reader);
        raw.rejectUnknownKeys("", KEYS);
        YamlMap root = placeholders.resolveAll(raw);
        Duration interval = duration(root, "interval").orElse(DEFAULT_INTERVAL);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            YamlNode node = root.get("interval").orElseThrow();
            throw node.error("interval", "interval must be at least 1s, not " + node.asText("interval").trim());
        }
        if (interval.compareTo(MAX_INTERVAL) > 0) {
            YamlNode node = root.get("interval").orElseThrow();
            throw node.error("interval", "interval must be at most 24h, not " + node.asText("interval").trim());
        }
        Duration publishInterval = publishInterval(root, interval);
        int maxBufferedDatums = maxBufferedDatums(root);
        Optional<Path> pluginsDir = pluginsDir(root, baseDir);
        List<Dimension> dimensions = dimensions(root);
        List<Service> services = ServiceReader.read(root);
        List<PluginEntry> collectors = pluginEntries(root, source, "collectors", "collector", "tcp-states");
        List<PluginEntry> sinks = pluginEntries(root, source, "sinks", "sink", "stdout");
        return new ConnwatchConfig(source, interval, publishInterval, pluginsDir, dimensions, services, collectors,
                sinks, maxBufferedDatums);
    }

    private static Optional<Duration> duration(YamlMap root, String key) {
        return root.get(key).map(node -> {
            try {
                return DurationText.parse(node.asText(key));
            } catch (IllegalArgumentException e) {
                throw node.error(key, e.getMessage());
            }
        });
    }

    private static Duration publishInterval(YamlMap root, Duration interval) {
        Optional<Duration> given = duration(root, "publish-interval");
        if (given.isEmpty()) {
            return interval;
        }
        Duration publish = given.get();
        YamlNode node = root.get("publish-interval").orElseThrow();
        String publishText = "publish-interval " + node.asText("publish-interval").trim();
        String intervalText = "interval " + root.get("interval").map(n -> n.asText("interval").trim())
                .orElse(DurationText.format(interval) + " (the default)");
        String multiples = DurationText.format(interval) + ", " + DurationText.format(interval.multipliedBy(2))
                + ", " + DurationText.format(interval.multipliedBy(3)) + ", ...";
        if (publish.compareTo(interval) < 0) {
            throw node.error("publish-interval", publishText + " is shorter than " + intervalText
                    + "; it must be a whole multiple of the interval: " + multiples);
        }
        if (publish.compareTo(MAX_INTERVAL) > 0) {
            throw node.error("publish-interval", publishText + " is longer than 24h, the longest allowed");
        }
        if (publish.toMillis() % interval.toMillis() != 0) {
            throw node.error("publish-interval", publishText + " is not a whole multiple of " + intervalText
                    + "; use " + multiples);
        }
        return publish;
    }

    private static int maxBufferedDatums(YamlMap root) {
        String key = "max-buffered-datums";
        Optional<YamlNode> node = root.get(key);
        if (node.isEmpty()) {
            return DEFAULT_MAX_BUFFERED_DATUMS;
        }
        String text = node.get().asText(key).trim();
        if (!text.matches("\\d{1,7}") || Integer.parseInt(text) > MAX_BUFFERED_DATUMS_LIMIT) {
            throw node.get().error(key, "must be a whole number of datums from 0 (keep nothing) to "
                    + MAX_BUFFERED_DATUMS_LIMIT + ", not '" + text + "' (default " + DEFAULT_MAX_BUFFERED_DATUMS + ")");
        }
        return Integer.parseInt(text);
    }

    private static Optional<Path> pluginsDir(YamlMap root, Path baseDir) {
        return root.get("plugins").map(node -> {
            String text = node.asText("plugins").trim();
            if (text.isEmpty()) {
                throw node.error("plugins", "plugins is blank; leave the key out for plugins/ beside the jar");
            }
            try {
                Path dir = Path.of(text);
                return baseDir == null || dir.isAbsolute() ? dir : baseDir.resolve(dir).normalize();
            } catch (InvalidPathException e) {
                throw withCause(node.error("plugins", "'" + text + "' is not a path: " + e.getReason()), e);
            }
        });
    }

    private static List<Dimension> dimensions(YamlMap root) {
        Optional<YamlNode> node = root.get("dimensions");
        if (node.isEmpty()) {
            return List.of();
        }
        List<YamlMap.Entry> entries = node.get().asMap("dimensions").entries();
        List<Dimension> dimensions = new ArrayList<>(entries.size());
        for (YamlMap.Entry e : entries) {
            String path = KeyPath.key("dimensions", e.key());
            if (dimensions.size() == MAX_DIMENSIONS) {
                throw new ConfigException(e.keyLocation().toString(), path, "more than " + MAX_DIMENSIONS
                        + " dimensions (" + entries.size() + "); CloudWatch accepts at most " + MAX_DIMENSIONS
                        + " per metric");
            }
            if (e.key().isBlank() || e.key().length() > MAX_DIMENSION_NAME) {
                throw new ConfigException(e.keyLocation().toString(), path,
                        "a dimension name must have 1 to " + MAX_DIMENSION_NAME + " characters");
            }
            if (e.value().isNull()) {
                throw e.value().error(path, "dimension '" + e.key() + "' has no value");
            }
            String value = e.value().asText(path);
            if (value.isBlank() || value.length() > MAX_DIMENSION_VALUE) {
                throw e.value().error(path, "the value of dimension '" + e.key() + "' must have 1 to "
                        + MAX_DIMENSION_VALUE + " characters, not " + value.length()
                        + (value.isEmpty() ? "" : " ('" + value + "')"));
            }
            dimensions.add(new Dimension(e.key(), value));
        }
        return dimensions;
    }

    private static List<PluginEntry> pluginEntries(YamlMap root, String source, String key, String kind,
                                                   String defaultType) {
        Optional<YamlNode> node = root.get(key);
        if (node.isEmpty()) {
            return List.of(PluginEntry.implicit(kind, defaultType, KeyPath.index(key, 0), source));
        }
        YamlList list = node.get().asList(key);
        if (list.items().isEmpty()) {
            throw list.error(key, key + " is empty; list at least one " + kind + ", or leave the key out for the "
                    + defaultType + " " + kind);
        }
        List<PluginEntry> entries = new ArrayList<>(list.items().size());
        for (YamlNode item : list.items()) {
            entries.add(PluginEntry.read(kind, item, KeyPath.index(key, entries.size())));
        }
        return entries;
    }

    private static ConfigException withCause(ConfigException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    /** Asks {@code supplier} on first use only: the host name and the metadata service may be slow. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }
}
