package io.connwatch.runner.plugins;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a provider class came from: built in (the runner's own class path) or a jar of the plugins folder.
 *
 * @param builtIn  whether it is on the runner's class path
 * @param location the jar or folder the class was loaded from, or {@code null} if the JVM does not say
 * @param version  the jar's {@code Implementation-Version}, or {@code null}
 */
public record PluginOrigin(boolean builtIn, Path location, String version) {

    /** The origin of {@code providerClass}, from its protection domain and package. */
    public static PluginOrigin of(Class<?> providerClass, boolean builtIn) {
        Path location = null;
        CodeSource codeSource = providerClass.getProtectionDomain().getCodeSource();
        if (codeSource != null && codeSource.getLocation() != null) {
            try {
                location = Path.of(codeSource.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file URL (a custom class loader): the location stays unknown, the type name still says enough.
                location = null;
            }
        }
        Package pkg = providerClass.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return new PluginOrigin(builtIn, location, version);
    }

    /** For messages and listings: {@code built-in (connwatch-sinks.jar)} or the jar's path. */
    public String describe() {
        String where = location == null ? "unknown location" : location.toString();
        if (builtIn) {
            return "built-in (" + (location == null ? "class path" : location.getFileName()) + ")";
        }
        return where;
    }
}
