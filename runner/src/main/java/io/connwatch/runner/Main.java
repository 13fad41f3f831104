package io.connwatch.runner;

import io.connwatch.api.ConfigException;
import io.connwatch.runner.cli.ArgumentParser;
import io.connwatch.runner.cli.HelpText;
import io.connwatch.runner.cli.Invocation;
import io.connwatch.runner.cli.UsageException;
import io.connwatch.runner.command.BenchRun;
import io.connwatch.runner.command.ExitCode;
import io.connwatch.runner.command.OnceRun;
import io.connwatch.runner.command.PlanPrinter;
import io.connwatch.runner.command.PluginsListing;
import io.connwatch.runner.command.Startup;
import io.connwatch.runner.config.ConfigLoader;
import io.connwatch.runner.config.ConfigLocator;
import io.connwatch.runner.daemon.DaemonRun;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/** The {@code connwatch} command: parses the command line, runs the command, exits with its status. */
public final class Main {

    private Main() {
    }

    /** Runs connwatch and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs connwatch.
     *
     * @param args the command line
     * @param env  the environment
     * @param out  standard output
     * @param err  standard error, for problems
     * @return the exit status
     */
    static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = new ArgumentParser().parse(Arrays.asList(args));
        } catch (UsageException e) {
            err.println("connwatch: " + e.getMessage());
            err.println("Try 'connwatch --help'.");
            return ExitCode.BAD_CONFIG;
        }
        switch (invocation.command()) {
            case HELP -> {
                out.print(HelpText.USAGE);
                return ExitCode.OK;
            }
            case VERSION -> {
                out.println("connwatch " + version());
                return ExitCode.OK;
            }
            case PLUGINS -> {
                return new PluginsListing().run(invocation.pluginsDir(), out, err);
            }
            default -> {
                return withConfiguration(invocation, env, out, err);
            }
        }
    }

    private static int withConfiguration(Invocation invocation, Map<String, String> env, PrintStream out,
                                         PrintStream err) {
        HostIdentity identity = HostIdentity.fromEnvironment(env);
        Startup startup = new Startup(ConfigLocator.standard(), new ConfigLoader(env, identity::hostName,
                identity::instanceMetadata), identity::hostName, identity::instanceMetadata, identity::prefetchFor);
        Startup.Prepared prepared;
        try {
            prepared = startup.prepare(invocation);
        } catch (ConfigException e) {
            err.println("connwatch: configuration error: " + e.getMessage());
            return ExitCode.BAD_CONFIG;
        }
        try {
            switch (invocation.command()) {
                case VALIDATE -> {
                    new PlanPrinter().print(prepared, out);
                    return prepared.brokenPlugins().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
                }
                case RUN -> {
                    if (!invocation.once()) {
                        return new DaemonRun().run(prepared, invocation.dryRun(), out);
                    }
                    return new OnceRun(Clock.systemUTC()).run(prepared, invocation.dryRun(), out);
                }
                case BENCH -> {
                    return new BenchRun().run(prepared, invocation.cycles(), out);
                }
                default -> throw new IllegalStateException(invocation.command().toString());
            }
        } finally {
            prepared.pipeline().close();
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
