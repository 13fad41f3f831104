package io.connwatch.api;

/**
 * A configuration value that is wrong, with where it is and what is wrong with it.
 *
 * <p>Plugins do not build these themselves: {@link ConfigEntry#error(String, String)} makes one that points at
 * the key's file, line and column. The runner reports it and exits with status 2 before anything is sent.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final String keyPath;
    private final String problem;

    /**
     * @param location where the value is, as {@code file:line:column}; {@code null} if unknown
     * @param keyPath  the path of the key, such as {@code services[1].ports[0]}; {@code null} for the whole file
     * @param problem  what is wrong, as a sentence fragment without the location
     */
    public ConfigException(String location, String keyPath, String problem) {
        super(format(location, keyPath, problem));
        this.location = location;
        this.keyPath = keyPath;
        this.problem = problem;
    }

    /** Where the value is, as {@code file:line:column}, or {@code null}. */
    public String location() {
        return location;
    }

    /** The path of the key at fault, such as {@code sinks[0].format}, or {@code null}. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    private static String format(String location, String keyPath, String problem) {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        return sb.append(problem).toString();
    }
}
