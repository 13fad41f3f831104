package io.connwatch.runner.command;

import io.connwatch.api.ConfigException;
import io.connwatch.runner.plugins.DiscoveredProvider;
import io.connwatch.runner.plugins.PluginDiscovery;
import io.connwatch.runner.plugins.PluginProblem;
import io.connwatch.runner.plugins.PluginsFolder;
import io.connwatch.runner.plugins.ProviderRegistry;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code connwatch plugins [--plugins DIR]}: the folder searched, then every provider found with its kind, version
 * and source (built in, or the jar's path), then the problems met.
 */
public final class PluginsListing {

    /**
     * Discovers the built-ins and the plugins of {@code --plugins DIR}, or of the default folder, and lists them.
     *
     * @param commandLine {@code --plugins}, if given
     * @param out         where the listing goes
     * @param err         where a missing folder is reported
     * @return {@link ExitCode#OK}; {@link ExitCode#FAILED} if discovery met a problem; {@link ExitCode#BAD_CONFIG}
     *         if the folder named by {@code --plugins} is missing
     */
    public int run(Optional<Path> commandLine, PrintStream out, PrintStream err) {
        PluginsFolder folder = commandLine.map(PluginsFolder::fromCommandLine).orElseGet(PluginsFolder::standard);
        ProviderRegistry registry;
        try {
            // Not Startup.discover: the problems are this command's output, not log lines besides it.
            registry = PluginDiscovery.discover(folder);
        } catch (ConfigException e) {
            err.println("connwatch: " + e.getMessage());
            return ExitCode.BAD_CONFIG;
        }
        return print(registry, out);
    }

    /**
     * Prints the listing.
     *
     * @param registry what discovery found
     * @param out      where to print
     * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} if discovery met a problem
     */
    public int print(ProviderRegistry registry, PrintStream out) {
        registry.folder().ifPresent(f -> out.println("plugins folder: " + f.describe()
                + (Files.isDirectory(f.path()) ? "" : ", absent: no plugin jars")));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"TYPE", "KIND", "VERSION", "SOURCE"});
        for (DiscoveredProvider p : registry.all()) {
            rows.add(new String[]{p.type(), p.kind().word(), p.origin().version() == null ? "-" : p.origin().version(),
                    p.origin().describe()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length - 1; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.append(row[row.length - 1]));
        }
        for (PluginProblem problem : registry.problems()) {
            out.println("problem: " + problem.message());
        }
        out.flush();
        return registry.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
