package io.connwatch.runner.command;

import io.connwatch.runner.cli.Invocation;
import io.connwatch.runner.config.ConfigLoader;
import io.connwatch.runner.config.ConfigLocator;
import io.connwatch.runner.config.ConnwatchConfig;
import io.connwatch.runner.config.InstanceMetadata;
import io.connwatch.runner.pipeline.Pipeline;
import io.connwatch.runner.pipeline.PipelineAssembler;
import io.connwatch.runner.plugins.PluginDiscovery;
import io.connwatch.runner.plugins.PluginProblem;
import io.connwatch.runner.plugins.PluginsFolder;
import io.connwatch.runner.plugins.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every command that uses a configuration does first: find and load the configuration, discover the plugins,
 * and build the ones it names. Any {@link io.connwatch.api.ConfigException} escapes before anything runs.
 */
public final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    private final ConfigLocator locator;
    private final ConfigLoader loader;
    private final Supplier<String> hostName;
    private final Supplier<InstanceMetadata> metadata;
    private final Consumer<Optional<Path>> onLocated;

    /**
     * @param locator   finds the configuration file
     * @param loader    loads and checks it
     * @param hostName  this host's name, for the plugins' context; looked up only if something asks
     * @param metadata  the instance metadata, for the plugins' context
     * @param onLocated told which file was found (empty: the embedded default) before it is loaded, so that work
     *                  the file will need (the metadata look-ups) can start alongside the loading
     */
    public Startup(ConfigLocator locator, ConfigLoader loader, Supplier<String> hostName,
                   Supplier<InstanceMetadata> metadata, Consumer<Optional<Path>> onLocated) {
        this.locator = locator;
        this.loader = loader;
        this.hostName = hostName;
        this.metadata = metadata;
        this.onLocated = onLocated;
    }

    /**
     * The loaded configuration and its plugins, built.
     *
     * @param config        the configuration
     * @param registry      every provider found
     * @param assembler     what built the pipeline (it knows which plugins broke)
     * @param pipeline      the built plugins
     */
    public record Prepared(ConnwatchConfig config, ProviderRegistry registry, PipelineAssembler assembler,
                           Pipeline pipeline) {

        /** Plugins whose provider threw while building them. */
        public List<String> brokenPlugins() {
            return assembler.brokenPlugins();
        }
    }

    /**
     * Loads the configuration {@code invocation} points at, discovers the plugins of the folder that
     * {@code --plugins}, else the configuration's {@code plugins:}, else the default names, and builds those the
     * configuration uses.
     *
     * @param invocation the command line
     * @return the configuration and its pipeline
     * @throws io.connwatch.api.ConfigException if the configuration is wrong
     */
    public Prepared prepare(Invocation invocation) {
        Optional<Path> file = locator.locate(invocation.configFile());
        onLocated.accept(file);
        ConnwatchConfig config = file.isPresent() ? loader.load(file.get()) : loader.loadDefault();
        ProviderRegistry registry = discover(PluginsFolder.choose(invocation.pluginsDir(), config.pluginsDir(),
                config.source()));
        PipelineAssembler assembler = new PipelineAssembler(registry, hostName, metadata);
        Pipeline pipeline = assembler.assemble(config);
        return new Prepared(config, registry, assembler, pipeline);
    }

    /**
     * Discovers the built-in providers and those of {@code folder}, and logs what went wrong on the way: the
     * plugins that did load keep working.
     *
     * @param folder the plugins folder
     * @return what was found
     * @throws io.connwatch.api.ConfigException if a plugins folder that a user named is missing
     */
    public static ProviderRegistry discover(PluginsFolder folder) {
        ProviderRegistry registry = PluginDiscovery.discover(folder);
        for (PluginProblem problem : registry.problems()) {
            LOG.error("plugin problem: {}", problem.message());
        }
        return registry;
    }
}
