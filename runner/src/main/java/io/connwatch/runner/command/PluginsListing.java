package io.connwatch.runner.command;

import io.connwatch.runner.plugins.DiscoveredProvider;
import io.connwatch.runner.plugins.PluginProblem;
import io.connwatch.runner.plugins.ProviderRegistry;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code connwatch plugins}: every provider found, with its kind, version and source, then the problems. */
public final class PluginsListing {

    /**
     * Prints the listing.
     *
     * @param registry what discovery found
     * @param out      where to print
     * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} if discovery met a problem
     */
    public int print(ProviderRegistry registry, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"TYPE", "KIND", "VERSION", "SOURCE"});
        for (DiscoveredProvider p : registry.all()) {
            rows.add(new String[]{p.type(), p.kind().word(), p.origin().version() == null ? "-" : p.origin().version(),
                    p.origin().builtIn() ? p.origin().describe()
                            : String.valueOf(p.origin().location())});
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
