package io.connwatch.runner.config;

import static io.connwatch.runner.config.ConfigFixture.assertError;
import static io.connwatch.runner.config.ConfigFixture.failure;
import static io.connwatch.runner.config.ConfigFixture.load;
import static io.connwatch.runner.config.ConfigFixture.loader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connwatch.api.ConfigException;
import io.connwatch.api.Dimension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlaceholderTest {

    private static final String WEB = "services: [{name: web, ports: [80]}]\n";
    private static final Map<String, String> EC2 = Map.of("instance-id", "i-0abc", "region", "eu-west-1");

    private static String dimension(ConfigLoader loader, String value) {
        ConnwatchConfig config = loader.load("test.yaml", "dimensions:\n  D: " + value + "\n" + WEB);
        return config.dimensions().get(0).value();
    }

    private static String dimension(String value) {
        return dimension(loader(), value);
    }

    @Test
    void hostAndEnv() {
        assertEquals("test-host", dimension("${host}"));
        assertEquals("prod", dimension("${env:STAGE}"));
        assertEquals("prod-test-host:x", dimension("${env:STAGE}-${host}:x"));
        assertEquals("cost$5 {a}", dimension("cost$5 {a}"));
    }

    @Test
    void ec2FromMetadata() {
        FixedInstanceMetadata metadata = new FixedInstanceMetadata(EC2);
        assertEquals("i-0abc", dimension(ConfigFixture.loader(metadata), "${ec2:instance-id}"));
        assertEquals("eu-west-1a", dimension(ConfigFixture.loader(metadata), "${ec2:region}a"));
    }

    @Test
    void defaultsApplyWhenMissingOrEmpty() {
        assertEquals("dev", dimension("${env:MISSING:-dev}"));
        assertEquals("dev", dimension("${env:EMPTY:-dev}"));
        assertEquals("prod", dimension("${env:STAGE:-dev}"));
        assertEquals("a-b:c", dimension("${env:MISSING:-a-b:c}"));
    }

    @Test
    void nestedDefaults() {
        FixedInstanceMetadata metadata = new FixedInstanceMetadata(EC2);
        ConfigLoader loader = ConfigFixture.loader(metadata);
        assertEquals("test-host", dimension(loader, "${ec2:autoscaling-group:-${env:MISSING:-${host}}}"));
        assertEquals("prod", dimension(loader, "${ec2:ami-id:-${env:STAGE:-${host}}}"));
        assertEquals("i-0abc", dimension(loader, "${ec2:instance-id:-${host}}"));
        assertEquals("[test-host]", dimension(loader, "\"[${env:MISSING:-${host}}]\""));
    }

    @Test
    void unusedDefaultIsNotEvaluated() {
        // The default would fail (MISSING has no default of its own) but is never needed.
        assertEquals("prod", dimension("${env:STAGE:-${env:MISSING}}"));
    }

    @Test
    void ec2PlaceholderUnresolvableSaysWhy() {
        FixedInstanceMetadata metadata = new FixedInstanceMetadata(EC2);
        ConfigException e = failure(ConfigFixture.loader(metadata),
                "dimensions:\n  Type: ${ec2:instance-type}\n" + WEB);
        assertError(e, "2:9", "dimensions.Type", "cannot resolve ${ec2:instance-type}: "
                + FixedInstanceMetadata.REASON + "; give a default such as ${ec2:instance-type:-${host}}");
        ConfigException none = failure(new ConfigLoader(Map.of(), () -> "h",
                () -> InstanceMetadata.none("AWS_EC2_METADATA_DISABLED is true")),
                "dimensions:\n  Id: ${ec2:instance-id}\n" + WEB);
        assertEquals("cannot resolve ${ec2:instance-id}: AWS_EC2_METADATA_DISABLED is true; give a default such as "
                + "${ec2:instance-id:-${host}}", none.problem());
    }

    @Test
    void unsetEnvWithoutDefault() {
        ConfigException e = failure("dimensions:\n  Stage: ${env:MISSING}\n" + WEB);
        assertError(e, "2:10", "dimensions.Stage", "cannot resolve ${env:MISSING}: environment variable MISSING is "
                + "not set; give a default such as ${env:MISSING:-${host}}");
    }

    @Test
    void metadataIsNotConsultedWithoutEc2Placeholder() {
        AtomicInteger asked = new AtomicInteger();
        ConfigLoader loader = new ConfigLoader(ConfigFixture.ENV, () -> "h", () -> {
            asked.incrementAndGet();
            return new FixedInstanceMetadata(EC2);
        });
        ConnwatchConfig config = loader.load("test.yaml", """
                dimensions:
                  Host: ${host}
                  Stage: ${env:STAGE:-dev}
                services:
                  - name: web
                    ports: ["${env:PORT}"]
                    namespace: "${env:MISSING:-Shop}"
                sinks:
                  - type: stdout
                    format: ${env:FORMAT:-json}
                """);
        assertEquals(0, asked.get());
        assertEquals(List.of(8080), config.services().get(0).ports());
        assertEquals("Shop", config.services().get(0).namespace());
        assertEquals("json", config.sinks().get(0).getString("format", "table"));
        assertEquals(List.of(new Dimension("Host", "h"), new Dimension("Stage", "prod")), config.dimensions());
    }

    @Test
    void metadataIsFetchedOnceForManyEc2Placeholders() {
        AtomicInteger asked = new AtomicInteger();
        FixedInstanceMetadata metadata = new FixedInstanceMetadata(EC2);
        ConfigLoader loader = new ConfigLoader(Map.of(), () -> "h", () -> {
            asked.incrementAndGet();
            return metadata;
        });
        ConnwatchConfig config = loader.load("test.yaml",
                "dimensions:\n  Id: ${ec2:instance-id}\n  Region: ${ec2:region}\n" + WEB);
        assertEquals(1, asked.get());
        assertEquals(2, metadata.lookups.get());
        assertEquals("eu-west-1", config.dimensions().get(1).value());
    }

    @Test
    void hostNameIsAskedOnlyWhenNeeded() {
        AtomicInteger asked = new AtomicInteger();
        ConfigLoader loader = new ConfigLoader(Map.of(), () -> {
            asked.incrementAndGet();
            return "h";
        }, ConfigFixture.NO_METADATA_EXPECTED);
        loader.load("test.yaml", WEB);
        assertEquals(0, asked.get());
        loader.load("test.yaml", "dimensions: {A: '${host}', B: '${host}'}\n" + WEB);
        assertEquals(1, asked.get());
    }

    @Test
    void unknownEc2KeySuggestsTheNearest() {
        ConfigException e = failure("dimensions:\n  Id: ${ec2:instanceid}\n" + WEB);
        assertError(e, "2:7", "dimensions.Id",
                "unknown ec2 key 'instanceid' in '${ec2:instanceid}'; did you mean 'instance-id'?");
        ConfigException far = failure("dimensions:\n  Id: ${ec2:mac}\n" + WEB);
        assertError(far, "2:7", "dimensions.Id", "unknown ec2 key 'mac' in '${ec2:mac}'; valid keys: instance-id, "
                + "instance-type, ami-id, region, availability-zone, autoscaling-group");
    }

    @Test
    void unknownPlaceholderSuggestsTheNearest() {
        assertError(failure("dimensions:\n  H: ${hots}\n" + WEB), "2:6", "dimensions.H",
                "unknown placeholder '${hots}'; did you mean '${host}'?");
        assertError(failure("dimensions:\n  R: ${ec:region}\n" + WEB), "2:6", "dimensions.R",
                "unknown placeholder '${ec:region}'; did you mean '${ec2:region}'?");
        assertError(failure("dimensions:\n  R: ${whatever}\n" + WEB), "2:6", "dimensions.R",
                "unknown placeholder '${whatever}'; use ${host}, ${env:NAME} or ${ec2:KEY}");
        assertError(failure("dimensions:\n  R: ${env:}\n" + WEB), "2:6", "dimensions.R",
                "'${env:}' names no environment variable; write ${env:NAME}");
    }

    @Test
    void unknownPlaceholderInAnUnusedDefaultIsStillAnError() {
        assertError(failure("dimensions:\n  S: ${env:STAGE:-${hots}}\n" + WEB), "2:6", "dimensions.S",
                "unknown placeholder '${hots}'; did you mean '${host}'?");
    }

    @Test
    void unterminatedPlaceholder() {
        assertError(failure("dimensions:\n  H: ${env:HOME\n" + WEB), "2:6", "dimensions.H",
                "unterminated placeholder '${env:HOME': no closing '}'");
        assertError(failure("dimensions:\n  R: ${ec2:region:-${host}\n" + WEB), "2:6", "dimensions.R",
                "unterminated placeholder '${ec2:region:-${host}': no closing '}'");
    }

    @Test
    void placeholderInAPortIsCheckedAfterResolution() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: ["${env:STAGE}"]
                """);
        assertError(e, "3:13", "services[0].ports[0]", "port 'prod' is not a whole number");
    }
}
