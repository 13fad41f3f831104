package io.connwatch.runner.plugins;

import io.connwatch.api.ConfigException;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The folder whose jars are plugins, and who chose it: {@code --plugins DIR} on the command line wins, then
 * {@code plugins:} in the configuration, then the default beside the runner.
 *
 * <p>The default is the installation's {@code plugins/}: when the runner's jar is in a folder called {@code lib}
 * (the distribution's {@code bin/ lib/ plugins/ config/}), the {@code plugins} folder beside that {@code lib};
 * otherwise the {@code plugins} folder beside the jar (in a source checkout {@code runner/target/plugins/}).
 *
 * @param path     the folder, made absolute so that every message names the jars unambiguously
 * @param explicit whether a user named it (then a missing folder is an error; a missing default is just empty)
 * @param chosenBy who chose it, for messages: {@code --plugins}, the configuration file, or the default
 */
public record PluginsFolder(Path path, boolean explicit, String chosenBy) {

    /** Makes the path absolute. */
    public PluginsFolder {
        path = path.toAbsolutePath().normalize();
    }

    /**
     * The folder to use.
     *
     * @param commandLine  {@code --plugins}, if given
     * @param config       {@code plugins:} of the configuration, if given (already resolved against its folder)
     * @param configSource the configuration's name, for messages
     * @return the folder
     */
    public static PluginsFolder choose(Optional<Path> commandLine, Optional<Path> config, String configSource) {
        if (commandLine.isPresent()) {
            return fromCommandLine(commandLine.get());
        }
        return config.map(p -> new PluginsFolder(p, true, "plugins: in " + configSource)).orElseGet(PluginsFolder::standard);
    }

    /** {@code --plugins DIR}. */
    public static PluginsFolder fromCommandLine(Path path) {
        return new PluginsFolder(path, true, "--plugins");
    }

    /** The default folder of this runner's installation. */
    public static PluginsFolder standard() {
        return new PluginsFolder(besideRunner(runnerLocation()), false, "the default beside the runner");
    }

    /**
     * The default plugins folder for a runner loaded from {@code codeLocation}.
     *
     * @param codeLocation the runner's jar, or its classes folder when run from a build
     * @return {@code ../plugins} from a jar in {@code lib/}, else {@code plugins} beside the jar or classes folder
     */
    static Path besideRunner(Path codeLocation) {
        Path folder = codeLocation.toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return Path.of("plugins").toAbsolutePath();
        }
        Path name = folder.getFileName();
        if (name != null && name.toString().equals("lib") && folder.getParent() != null) {
            return folder.getParent().resolve("plugins");
        }
        return folder.resolve("plugins");
    }

    private static Path runnerLocation() {
        CodeSource source = PluginsFolder.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Not a file (an unusual launcher): fall back to the working directory below.
                return Path.of("connwatch.jar").toAbsolutePath();
            }
        }
        return Path.of("connwatch.jar").toAbsolutePath();
    }

    /** The error for a folder a user named that is missing or not a folder: exit 2, nothing runs. */
    ConfigException missing(String what) {
        return new ConfigException(null, null, "the plugins folder " + path + " (chosen by " + chosenBy + ") " + what);
    }

    /** For messages and listings: {@code /opt/connwatch/plugins (--plugins)}. */
    public String describe() {
        return path + " (" + chosenBy + ")";
    }
}
