package io.connwatch.runner.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This host's name, as {@code ${host}} resolves it: what {@link InetAddress#getLocalHost()} says, else the
 * {@code HOSTNAME} environment variable, else {@code localhost}.
 */
public final class SystemHostName implements Supplier<String> {

    private static final Logger LOG = LoggerFactory.getLogger(SystemHostName.class);

    private final Map<String, String> env;

    /**
     * @param env the environment, for the {@code HOSTNAME} fallback
     */
    public SystemHostName(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String get() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // Common in containers without a hosts entry for their own name; the fallbacks below cover it.
            LOG.debug("cannot resolve the local host name, falling back to HOSTNAME: {}", e.toString());
        }
        String fromEnv = env.get("HOSTNAME");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "localhost";
    }
}
