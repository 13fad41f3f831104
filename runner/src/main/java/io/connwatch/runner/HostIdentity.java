package io.connwatch.runner;

import io.connwatch.runner.config.InstanceMetadata;
import io.connwatch.runner.config.SystemHostName;
import io.connwatch.runner.identity.Ec2InstanceMetadata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who this host is: its name, for {@code ${host}}, and its instance metadata, for {@code ${ec2:…}}. Each is
 * looked up at most once, and the metadata only when a placeholder asks for it.
 */
final class HostIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(HostIdentity.class);

    /** An {@code ${ec2:KEY}} placeholder in the configuration's text, before any YAML parsing. */
    private static final Pattern EC2_PLACEHOLDER = Pattern.compile("\\$\\{ec2:([a-z-]+)");

    private final Map<String, String> env;
    private String hostName;
    private InstanceMetadata metadata;

    private HostIdentity(Map<String, String> env) {
        this.env = env;
    }

    static HostIdentity fromEnvironment(Map<String, String> env) {
        return new HostIdentity(env);
    }

    synchronized String hostName() {
        if (hostName == null) {
            hostName = new SystemHostName(env).get();
        }
        return hostName;
    }

    synchronized InstanceMetadata instanceMetadata() {
        if (metadata == null) {
            // Built on first use: a configuration without ${ec2:…} and without region: auto never loads the SDK's imds client.
            metadata = new Ec2InstanceMetadata(env);
        }
        return metadata;
    }

    /**
     * Starts asking the metadata service, on a background thread, for the {@code ${ec2:KEY}} values that
     * {@code configFile} names, so that its round trips overlap with loading the YAML (the cron cycle's critical
     * path) instead of following it. The loader's own look-ups then find the values cached, or wait for the one
     * in flight: {@link InstanceMetadata} look-ups are serialised. A file that cannot be read here is left to the
     * loader, which reports it.
     *
     * @param configFile the configuration file, or empty for the embedded default (which names no ec2 values)
     * @return the keys being fetched; empty when the file names none outside comments (then nothing is asked)
     */
    Set<String> prefetchFor(Optional<Path> configFile) {
        if (configFile.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(configFile.get())) {
                // A commented-out placeholder asks for nothing. A '#' inside a quoted value may hide a real one:
                // then the loader asks for it itself, a little later.
                int comment = line.indexOf('#');
                Matcher m = EC2_PLACEHOLDER.matcher(comment < 0 ? line : line.substring(0, comment));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        if (keys.isEmpty()) {
            return Set.of();
        }
        Thread prefetch = new Thread(() -> {
            try {
                keys.forEach(instanceMetadata()::lookup);
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the loader asks again on its own thread and reports what fails there.
                LOG.debug("prefetching instance metadata failed: {}", e.toString(), e);
            }
        }, "connwatch-metadata-prefetch");
        prefetch.setDaemon(true);
        prefetch.start();
        return Set.copyOf(keys);
    }
}
