package io.connwatch.runner;

import io.connwatch.runner.config.InstanceMetadata;
import io.connwatch.runner.config.SystemHostName;
import io.connwatch.runner.identity.Ec2InstanceMetadata;

import java.util.Map;

/**
 * Who this host is: its name, for {@code ${host}}, and its instance metadata, for {@code ${ec2:…}}. Each is
 * looked up at most once, and the metadata only when a placeholder asks for it.
 */
final class HostIdentity {

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
}
