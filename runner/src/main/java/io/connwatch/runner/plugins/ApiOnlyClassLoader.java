package io.connwatch.runner.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin jar's class loader: it offers the JDK and {@code io.connwatch.api}, and nothing else
 * of the runner. So a plugin may bundle its own copy of a library the runner also uses (Jackson, SLF4J, the AWS
 * SDK) and gets its own, and it cannot reach the runner's internals.
 *
 * <p>Resources are filtered the same way: the runner's {@code META-INF/services} files stay hidden, or
 * {@link java.util.ServiceLoader} would find the built-in providers again through every plugin jar.
 */
public final class ApiOnlyClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "io.connwatch.api.";
    private static final String API_FOLDER = "io/connwatch/api/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader apiLoader;

    /** @param apiLoader the class loader that loaded {@code io.connwatch.api} (the runner's) */
    public ApiOnlyClassLoader(ClassLoader apiLoader) {
        // The platform class loader: java.*, javax.* and the JDK's other modules, not the application class path.
        super("connwatch-api-only", ClassLoader.getPlatformClassLoader());
        this.apiLoader = apiLoader;
    }

    /** The parent for plugins of the runner that loaded {@code io.connwatch.api}. */
    public static ApiOnlyClassLoader ofRunner() {
        return new ApiOnlyClassLoader(io.connwatch.api.CollectorProvider.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            // The api's classes must be the runner's very own, or a plugin's provider would not be a provider.
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected URL findResource(String name) {
        return name.startsWith(API_FOLDER) ? apiLoader.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return name.startsWith(API_FOLDER) ? apiLoader.getResources(name) : Collections.emptyEnumeration();
    }
}
