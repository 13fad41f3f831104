package io.connwatch.runner.plugins;

import io.connwatch.api.CollectorProvider;
import io.connwatch.api.SinkProvider;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds providers with {@link ServiceLoader}. Each source of plugins (the runner's class path now; each jar of the
 * plugins folder, in its own class loader, later) is scanned with {@link #scan(ClassLoader, boolean)}; a provider
 * that fails to load is recorded as a problem and the scan goes on with the next.
 */
public final class PluginDiscovery {

    private final ProviderRegistry registry = new ProviderRegistry();

    /** Discovery over the runner's own class path: the built-in providers and any on {@code -cp}. */
    public static ProviderRegistry builtIn() {
        PluginDiscovery discovery = new PluginDiscovery();
        discovery.scan(PluginDiscovery.class.getClassLoader(), true);
        return discovery.registry();
    }

    /**
     * Adds every collector and sink provider {@code loader} offers.
     *
     * @param loader  the class loader to search
     * @param builtIn whether {@code loader} is the runner's own (its providers are shown as built in)
     */
    public void scan(ClassLoader loader, boolean builtIn) {
        scan(PluginKind.COLLECTOR, CollectorProvider.class, loader, builtIn);
        scan(PluginKind.SINK, SinkProvider.class, loader, builtIn);
    }

    /** What was found so far. */
    public ProviderRegistry registry() {
        return registry;
    }

    private <T> void scan(PluginKind kind, Class<T> service, ClassLoader loader, boolean builtIn) {
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
                registry.problem(new PluginProblem(kind, null, "a " + kind.word() + " provider failed to load: "
                        + describe(e)));
                continue;
            }
            T provider;
            try {
                provider = candidate.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + candidate.type().getName() + " from " + PluginOrigin.of(candidate.type(), builtIn).describe()
                        + " failed to construct: " + describe(e)));
                continue;
            }
            String type;
            try {
                type = provider instanceof CollectorProvider c ? c.type() : ((SinkProvider) provider).type();
            } catch (RuntimeException | LinkageError e) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + provider.getClass().getName() + " from " + PluginOrigin.of(provider.getClass(), builtIn).describe()
                        + " failed to say its type: " + describe(e)));
                continue;
            }
            if (type == null || type.isBlank()) {
                registry.problem(new PluginProblem(kind, null, "the " + kind.word() + " provider "
                        + provider.getClass().getName() + " from " + PluginOrigin.of(provider.getClass(), builtIn).describe()
                        + " has no type name"));
                continue;
            }
            registry.add(new DiscoveredProvider(kind, type, provider, PluginOrigin.of(provider.getClass(), builtIn)));
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
