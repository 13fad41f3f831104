package io.connwatch.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostIdentityTest {

    /** Nothing listens here: a prefetch that did start would only fail, never hang the test. */
    private static final Map<String, String> NO_SERVICE = Map.of("AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void prefetchAsksForTheEc2ValuesTheFileNames(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                dimensions:
                  InstanceId: ${ec2:instance-id:-${host}}
                  Zone: "${ec2:availability-zone}"
                services:
                  - name: web
                    ports: [80]
                """);
        assertEquals(Set.of("instance-id", "availability-zone"),
                HostIdentity.fromEnvironment(NO_SERVICE).prefetchFor(Optional.of(config)));
    }

    @Test
    void commentedOutPlaceholdersAskForNothing(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                # InstanceId: ${ec2:instance-id}
                dimensions:
                  Host: ${host}   # was ${ec2:instance-id}
                  # AutoScalingGroup: ${ec2:autoscaling-group}
                services:
                  - name: web
                    ports: [80]
                """);
        assertEquals(Set.of(), HostIdentity.fromEnvironment(NO_SERVICE).prefetchFor(Optional.of(config)));
        assertEquals(Set.of(), HostIdentity.fromEnvironment(NO_SERVICE).prefetchFor(Optional.empty()));
    }
}
