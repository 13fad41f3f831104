package io.connwatch.runner.pipeline;

/**
 * Makes a plugin's own class loader the thread's context class loader while the plugin runs, and puts the old one
 * back after. Libraries a plugin bundles (an SDK, a JSON library) often find their parts through the context class
 * loader; without this they would find the runner's copies instead of the plugin's.
 *
 * <pre>{@code
 * try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(collector)) {
 *     collector.collect(timestamp);
 * }
 * }</pre>
 */
public final class PluginClassLoaderScope implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private PluginClassLoaderScope(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /** Enters the scope of {@code pluginOrProvider}'s class loader on the current thread. */
    public static PluginClassLoaderScope enter(Object pluginOrProvider) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader own = pluginOrProvider.getClass().getClassLoader();
        if (own != null) {
            thread.setContextClassLoader(own);
        }
        return new PluginClassLoaderScope(thread, previous);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
