package io.connwatch.runner.cli;

/** The text of {@code connwatch --help}. */
public final class HelpText {

    private HelpText() {
    }

    /** The usage summary. */
    public static final String USAGE = """
            Usage: connwatch COMMAND [OPTIONS]

            Counts this host's TCP connections per service and state and publishes them as metrics.

            Commands:
              run [--config FILE] [--once] [--dry-run] [--plugins DIR]
                                 collect and publish; --once runs one cycle and exits (for cron);
                                 --dry-run prints what would be sent instead of sending
              validate [--config FILE] [--plugins DIR]
                                 check the configuration, resolve every plugin, print the plan; sends nothing
              plugins [--plugins DIR]
                                 list every collector and sink found, with the jar it came from
              bench [--config FILE] [--cycles N] [--plugins DIR]
                                 run N collection cycles in one process, send nothing, print timings
              --help, --version

            --plugins DIR: the folder of plugin jars (default: plugins: in the configuration, else plugins/
            beside lib/).
            Without --config: ./connwatch.yaml, then /etc/connwatch/connwatch.yaml, then the embedded default
            (services web on 80 and 443 and db on 3306, every state, printed as a table).

            Exit status: 0 success; 1 a cycle failed to deliver, or the daemon could not start;
            2 bad usage or bad configuration (nothing was sent).
            """;
}
