package io.connwatch.runner.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A parsed command line.
 *
 * @param command    what to do
 * @param configFile {@code --config}, if given
 * @param pluginsDir {@code --plugins}, if given
 * @param once       {@code --once}: one cycle, then exit
 * @param dryRun     {@code --dry-run}: print what would be sent instead of sending
 * @param cycles     {@code --cycles} for bench
 */
public record Invocation(Command command, Optional<Path> configFile, Optional<Path> pluginsDir, boolean once,
                         boolean dryRun, int cycles) {

    /** What connwatch was asked to do. */
    public enum Command { RUN, VALIDATE, PLUGINS, BENCH, HELP, VERSION }
}
