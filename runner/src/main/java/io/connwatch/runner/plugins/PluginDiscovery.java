package io.connwatch.runner.plugins;

import io.connwatch.api.CollectorProvider;
import io.connwatch.api.SinkProvider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds providers with {@link ServiceLoader}: the built-ins on the runner's own class path, then every
 * {@code *.jar} of the plugins folder, each jar in its own class loader whose parent offers only the JDK and
 * {@code io.connwatch.api} ({@link ApiOnlyClassLoader}).
 *
 * <p>Nothing here stops discovery but a plugins folder that a user named and that is missing: a refused folder or
 * jar, a file that is not a jar, a provider that fails to load or construct, two providers with one type name are
 * each recorded as a {@link PluginProblem} naming the jar, and the scan goes on with the next.
 */
public final class PluginDiscovery {

    private static final String SERVICES = "META-INF/services/";

    private final ProviderRegistry registry = new ProviderRegistry();
    private final WriteAccessCheck writeAccess;
    private final ClassLoader pluginParent;

    /**
     * @param writeAccess  decides which folders and jars may be loaded
     * @param pluginParent the parent of each plugin jar's class loader
     */
    public PluginDiscovery(WriteAccessCheck writeAccess, ClassLoader pluginParent) {
        this.writeAccess = writeAccess;
        this.pluginParent = pluginParent;
    }

    /** Discovery for this process: its user id for the write check, and {@link ApiOnlyClassLoader} as parent. */
    public PluginDiscovery() {
        this(WriteAccessCheck.forThisProcess(), ApiOnlyClassLoader.ofRunner());
    }

    /** Discovery over the runner's own class path only: the built-in providers and any on {@code -cp}. */
    public static ProviderRegistry builtIn() {
        PluginDiscovery discovery = new PluginDiscovery();
        discovery.scanBuiltIn();
        return discovery.registry();
    }

    /**
     * The built-in providers and those of {@code folder}'s jars.
     *
     * @param folder the plugins folder
     * @return what was found, with the problems met
     * @throws io.connwatch.api.ConfigException if a folder that a user named is missing or not a folder
     */
    public static ProviderRegistry discover(PluginsFolder folder) {
        PluginDiscovery discovery = new PluginDiscovery();
        discovery.scanBuiltIn();
        discovery.scanFolder(folder);
        return discovery.registry();
    }

    /** Adds the providers of the runner's own class loader, shown as built in. */
    public void scanBuiltIn() {
        scan(PluginDiscovery.class.getClassLoader(), true);
    }

    /**
     * Adds every collector and sink provider {@code loader} offers.
     *
     * @param loader  the class loader to search
     * @param builtIn whether {@code loader} is the runner's own (its providers are shown as built in)
     */
    public void scan(ClassLoader loader, boolean builtIn) {
        scanLoader(loader, builtIn ? "the class path" : String.valueOf(loader), c -> PluginOrigin.of(c, builtIn));
    }

    /**
     * Adds the providers of every {@code *.jar} directly in {@code folder}, in name order. Other files (a
     * {@code README.txt}) and sub-folders are ignored.
     *
     * @param folder the plugins folder
     * @throws io.connwatch.api.ConfigException if {@code folder} was named by a user and is missing or not a folder
     */
    public void scanFolder(PluginsFolder folder) {
        registry.folder(folder);
        Path path = folder.path();
        if (!Files.exists(path)) {
            if (folder.explicit()) {
                throw folder.missing("does not exist");
            }
            return; // The default folder is optional: no plugins.
        }
        if (!Files.isDirectory(path)) {
            if (folder.explicit()) {
                throw folder.missing("is not a folder");
            }
            folderProblem("the default plugins folder " + path + " is not a folder; no plugin jar was loaded");
            return;
        }
        Optional<String> refused = writeAccess.refusal(path);
        if (refused.isPresent()) {
            folderProblem("the plugins folder " + path + " was refused, none of its jars was loaded: " + refused.get());
            return;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.jar")) {
            for (Path jar : entries) {
                if (!Files.isDirectory(jar)) {
                    jars.add(jar);
                }
            }
        } catch (IOException e) {
            folderProblem("the plugins folder " + path + " cannot be listed: " + e + "; no plugin jar was loaded");
            return;
        }
        jars.sort(null);
        for (Path jar : jars) {
            scanJar(jar);
        }
    }

    /** What was found so far. */
    public ProviderRegistry registry() {
        return registry;
    }

    private void scanJar(Path jar) {
        Optional<String> refused = writeAccess.refusal(jar);
        if (refused.isPresent()) {
            folderProblem("the plugin jar " + jar + " was refused, it was not loaded: " + refused.get());
            return;
        }
        String version;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            version = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            if (file.getEntry(SERVICES + CollectorProvider.class.getName()) == null
                    && file.getEntry(SERVICES + SinkProvider.class.getName()) == null) {
                folderProblem("the plugin jar " + jar + " offers no collector or sink: it has neither "
                        + SERVICES + CollectorProvider.class.getName() + " nor " + SERVICES + SinkProvider.class.getName());
                return;
            }
        } catch (IOException | SecurityException e) {
            folderProblem("the plugin jar " + jar + " is not a readable jar (zip) file: " + e.getMessage()
                    + "; it was skipped");
            return;
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            folderProblem("the plugin jar " + jar + " has no usable URL: " + e.getMessage() + "; it was skipped");
            return;
        }
        // Never closed: the plugin's classes load lazily from it for as long as the runner runs.
        @SuppressWarnings("resource")
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[]{url}, pluginParent);
        PluginOrigin origin = new PluginOrigin(false, jar, version);
        scanLoader(loader, jar.toString(), c -> origin);
    }

    private void folderProblem(String message) {
        registry.problem(new PluginProblem(null, null, message));
    }

    private void scanLoader(ClassLoader loader, String source, Function<Class<?>, PluginOrigin> originOf) {
        scan(PluginKind.COLLECTOR, CollectorProvider.class, loader, source, originOf);
        scan(PluginKind.SINK, SinkProvider.class, loader, source, originOf);
    }

    private <T> void scan(PluginKind kind, Class<T> service, ClassLoader loader, String source,
                          Function<Class<?>, PluginOrigin> originOf) {
        Iterator<ServiceLoader.Provider<T>> it = ServiceLoader.load(service, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> candidate;
            try {
                if (!it.hasNext()) {
                    return;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError e) {
                // A services file naming a class that is missing or not a provider: skip it, keep scanning.
                registry.problem(new PluginProblem(kind, null, "a " + kind.word() + " provider of " + source
                        + " failed to load: " + describe(e)));
                continue;
            }
            T provider;
            try {
                provider = candidate.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + candidate.type().getName() + " from " + originOf.apply(candidate.type()).describe()
                        + " failed to construct: " + describe(e)));
                continue;
            }
            PluginOrigin origin = originOf.apply(provider.getClass());
            String type;
            try {
                type = provider instanceof CollectorProvider c ? c.type() : ((SinkProvider) provider).type();
            } catch (RuntimeException | LinkageError e) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + provider.getClass().getName() + " from " + origin.describe()
                        + " failed to say its type: " + describe(e)));
                continue;
            }
            if (type == null || type.isBlank()) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + provider.getClass().getName() + " from " + origin.describe() + " has no type name"));
                continue;
            }
            registry.add(new DiscoveredProvider(kind, type, provider, origin));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            sb.append(": ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage());
        }
        return sb.toString();
    }
}
