package io.connwatch.runner.pipeline;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigException;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Sink;
import io.connwatch.api.SinkProvider;
import io.connwatch.runner.config.ConnwatchConfig;
import io.connwatch.runner.config.InstanceMetadata;
import io.connwatch.runner.config.NearestWord;
import io.connwatch.runner.config.PluginEntry;
import io.connwatch.runner.plugins.DiscoveredProvider;
import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginProblem;
import io.connwatch.runner.plugins.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the {@link Pipeline} a configuration describes: resolves each entry's type to its provider, has the
 * provider build the plugin, and rejects keys the plugin never read.
 *
 * <p>Configuration mistakes (an unknown or ambiguous type, a bad value, an unknown key) are
 * {@link ConfigException}s: nothing has run yet. A provider that throws anything else is a broken plugin: it is
 * logged with its jar and left out, and the others are built.
 */
public final class PipelineAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineAssembler.class);

    private final ProviderRegistry registry;
    private final Supplier<String> hostName;
    private final Supplier<InstanceMetadata> metadata;
    private final List<String> brokenPlugins = new ArrayList<>();

    /**
     * @param registry the providers discovery found
     * @param hostName this host's name, for the plugins' context; looked up only if a plugin asks
     * @param metadata the instance metadata, for the plugins' context; asked for only when a plugin needs it
     */
    public PipelineAssembler(ProviderRegistry registry, Supplier<String> hostName,
                             Supplier<InstanceMetadata> metadata) {
        this.registry = registry;
        this.hostName = hostName;
        this.metadata = metadata;
    }

    /**
     * Builds every plugin of {@code config}.
     *
     * @param config the loaded configuration
     * @return the pipeline, without the plugins whose provider broke (see {@link #brokenPlugins()})
     * @throws ConfigException for the first configuration mistake
     */
    public Pipeline assemble(ConnwatchConfig config) {
        PluginContext context = new RunnerPluginContext(config.services(), hostName, metadata);
        List<ActivePlugin<Collector>> collectors = new ArrayList<>();
        List<ActivePlugin<Sink>> sinks = new ArrayList<>();
        try {
            for (PluginEntry entry : config.collectors()) {
                DiscoveredProvider found = resolve(PluginKind.COLLECTOR, entry);
                Optional<Collector> built = build(found, entry,
                        () -> ((CollectorProvider) found.provider()).create(entry, context));
                if (built.isPresent()) {
                    collectors.add(new ActivePlugin<>(PluginKind.COLLECTOR, entry.type(), entry.path(), found.origin(),
                            built.get()));
                    entry.rejectUnreadKeys();
                }
            }
            for (PluginEntry entry : config.sinks()) {
                DiscoveredProvider found = resolve(PluginKind.SINK, entry);
                Optional<Sink> built = build(found, entry, () -> ((SinkProvider) found.provider()).create(entry, context));
                if (built.isPresent()) {
                    sinks.add(new ActivePlugin<>(PluginKind.SINK, entry.type(), entry.path(), found.origin(), built.get()));
                    entry.rejectUnreadKeys();
                }
            }
        } catch (ConfigException e) {
            // Nothing runs with a bad configuration: release what was already built (a netlink socket, a thread).
            new Pipeline(collectors, sinks, List.of()).close();
            throw e;
        }
        return new Pipeline(collectors, sinks, config.dimensions());
    }

    /** One line per plugin whose provider threw while building it, naming the plugin and its jar. */
    public List<String> brokenPlugins() {
        return List.copyOf(brokenPlugins);
    }

    /**
     * The provider for {@code entry}'s type.
     *
     * @throws ConfigException if no provider or several have that type
     */
    public DiscoveredProvider resolve(PluginKind kind, PluginEntry entry) {
        Optional<DiscoveredProvider> found = registry.find(kind, entry.type());
        if (found.isPresent()) {
            return found.get();
        }
        Optional<PluginProblem> ambiguity = registry.ambiguity(kind, entry.type());
        if (ambiguity.isPresent()) {
            throw entry.error("type", ambiguity.get().message() + "; remove one of the jars");
        }
        StringBuilder problem = new StringBuilder("unknown " + kind.word() + " type '" + entry.type() + "'");
        NearestWord.among(entry.type(), registry.types(kind)).ifPresent(w -> problem.append("; did you mean '")
                .append(w).append("'?"));
        problem.append(" (known ").append(kind.word()).append(" types: ")
                .append(registry.types(kind).isEmpty() ? "none" : String.join(", ", registry.types(kind)))
                .append(')');
        throw entry.error("type", problem.toString());
    }

    private <T> Optional<T> build(DiscoveredProvider found, PluginEntry entry, PluginFactory<T> factory) {
        T plugin;
        try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(found.provider())) {
            plugin = factory.create();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            String line = found.kind().word() + " " + entry.type() + " (" + entry.path() + ", "
                    + found.origin().describe() + ") failed to start: " + e;
            LOG.error("{}; the other plugins go on without it", line, e);
            brokenPlugins.add(line);
            return Optional.empty();
        }
        if (plugin == null) {
            String line = found.kind().word() + " " + entry.type() + " (" + found.origin().describe()
                    + ") built nothing: its provider returned null";
            LOG.error(line);
            brokenPlugins.add(line);
            return Optional.empty();
        }
        return Optional.of(plugin);
    }

    @FunctionalInterface
    private interface PluginFactory<T> {
        T create();
    }
}
