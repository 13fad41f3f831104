package io.connwatch.runner.config;

import static io.connwatch.runner.config.ConfigFixture.assertError;
import static io.connwatch.runner.config.ConfigFixture.failure;
import static io.connwatch.runner.config.ConfigFixture.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connwatch.api.ConfigException;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void readsServicesWithDefaults() {
        ConnwatchConfig config = load("""
                services:
                  - name: web
                    ports: [80, 443]
                    states: [established, time-wait, FIN_WAIT2]
                  - name: upstream-redis
                    remote-ports: 6379
                    namespace: "EC2:Redis"
                    metric-name: "redis-{state}"
                """);
        Service web = config.services().get(0);
        assertEquals("web", web.name());
        assertEquals(List.of(80, 443), web.ports());
        assertEquals(List.of(), web.remotePorts());
        assertEquals(EnumSet.of(TcpState.ESTABLISHED, TcpState.TIME_WAIT, TcpState.FIN_WAIT2), web.states());
        assertNull(web.namespace());
        assertEquals("web-cons-timewait", web.metricName(TcpState.TIME_WAIT));
        Service redis = config.services().get(1);
        assertEquals(List.of(6379), redis.remotePorts());
        assertEquals(List.of(), redis.ports());
        assertEquals(Set.of(TcpState.values()), redis.states());
        assertEquals("EC2:Redis", redis.namespace());
        assertEquals("redis-closewait", redis.metricName(TcpState.CLOSE_WAIT));
    }

    @Test
    void unknownServiceKeySuggestsTheNearest() {
        ConfigException e = failure("""
                services:
                  - name: web
                    prots: [80]
                """);
        assertError(e, "3:5", "services[0].prots", "unknown key 'prots'; did you mean 'ports'?");
    }

    @Test
    void unknownServiceKeyFarFromAnyListsTheValidKeys() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    colour: blue
                """);
        assertError(e, "4:5", "services[0].colour",
                "unknown key 'colour'; valid keys here: name, ports, remote-ports, states, namespace, metric-name");
    }

    @Test
    void serviceWithoutName() {
        ConfigException e = failure("""
                services:
                  - ports: [80]
                """);
        assertError(e, "2:5", "services[0].name", "service has no name");
    }

    @Test
    void duplicateServiceName() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                  - name: web
                    ports: [8080]
                """);
        assertError(e, "4:11", "services[1].name", "service name 'web' is already used by services[0]");
    }

    @Test
    void serviceWithNeitherPortsNorRemotePorts() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: []
                    states: [listen]
                """);
        assertError(e, "2:5", "services[0]", "service 'web' has neither ports (this host serves them) nor "
                + "remote-ports (this host is the client); give at least one");
    }

    @Test
    void portThatIsNotANumber() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80, http]
                """);
        assertError(e, "3:17", "services[0].ports[1]", "port 'http' is not a whole number");
    }

    @Test
    void portOutOfRange() {
        ConfigException e = failure("""
                services:
                  - name: redis
                    remote-ports: [70000]
                """);
        assertError(e, "3:20", "services[0].remote-ports[0]", "port 70000 is outside 1-65535");
        ConfigException zero = failure("""
                services:
                  - name: web
                    ports: 0
                """);
        assertError(zero, "3:12", "services[0].ports", "port 0 is outside 1-65535");
        ConfigException negative = failure("""
                services:
                  - name: web
                    ports: [-1, 99999999999]
                """);
        assertError(negative, "3:13", "services[0].ports[0]", "port -1 is outside 1-65535");
        ConfigException huge = failure("""
                services:
                  - name: web
                    ports: [99999999999]
                """);
        assertError(huge, "3:13", "services[0].ports[0]", "port 99999999999 is outside 1-65535");
        assertEquals(List.of(8080), load("services: [{name: web, ports: [08080]}]\n").services().get(0).ports());
    }

    @Test
    void portListedTwice() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80, 443, 80]
                """);
        assertError(e, "3:22", "services[0].ports[2]", "port 80 is listed twice");
    }

    @Test
    void portsMustNotBeAMap() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: {http: 80}
                """);
        assertError(e, "3:12", "services[0].ports", "must be a list, not a map");
    }

    @Test
    void misspelledStateSuggestsTheNearestToken() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: [established, time_wiat]
                """);
        assertError(e, "4:27", "services[0].states[1]", "unknown state 'time_wiat'; did you mean 'timewait'?");
    }

    @Test
    void unknownStateFarFromAnyListsTheValidStates() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: [sleeping]
                """);
        assertError(e, "4:14", "services[0].states[0]", "unknown state 'sleeping'; valid states: established "
                + "synsent synrecv finwait1 finwait2 timewait close closewait lastack listen closing");
    }

    @Test
    void emptyStateList() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: []
                """);
        assertError(e, "4:13", "services[0].states",
                "states is empty; list at least one state, or leave the key out to count all eleven");
    }

    @Test
    void stateListedTwice() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: [timewait, TIME-WAIT]
                """);
        assertError(e, "4:24", "services[0].states[1]", "state timewait is listed twice");
    }

    @Test
    void metricNameWithUnknownPlaceholder() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    metric-name: "{service}-{stat}"
                """);
        assertError(e, "4:18", "services[0].metric-name",
                "unknown placeholder '{stat}' in metric-name '{service}-{stat}'; did you mean '{state}'?");
    }

    @Test
    void metricNameWithUnclosedBrace() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    metric-name: "{service}-{state"
                """);
        assertError(e, "4:18", "services[0].metric-name",
                "metric-name '{service}-{state' has a '{' without a closing '}'");
    }

    @Test
    void metricNameWithoutStateWhenCountingSeveralStates() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: [established, timewait]
                    metric-name: web-connections
                """);
        assertError(e, "5:18", "services[0].metric-name", "metric-name 'web-connections' has no {state}, but the "
                + "service counts 2 states: they would all get one metric name");
    }

    @Test
    void metricNameWithoutStateIsFineForOneState() {
        ConnwatchConfig config = load("""
                services:
                  - name: web
                    ports: [80]
                    states: [established]
                    metric-name: web-connections
                """);
        assertEquals("web-connections", config.services().get(0).metricName(TcpState.ESTABLISHED));
    }

    @Test
    void twoServicesProducingOneMetricNameInOneNamespace() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    metric-name: "cons-{state}"
                  - name: db
                    ports: [3306]
                    metric-name: "cons-{state}"
                """);
        assertError(e, "7:18", "services[1].metric-name", "metric name 'cons-established' in the default namespace "
                + "is already produced by service 'web' (services[0]); give this service another metric-name or "
                + "namespace");
    }

    @Test
    void clashWithDefaultTemplateIsReportedAtTheName() {
        ConfigException clash = failure("""
                services:
                  - name: a
                    ports: [80]
                    namespace: Shop
                    metric-name: "web-cons-{state}"
                  - name: web
                    ports: [81]
                    namespace: Shop
                """);
        assertError(clash, "6:11", "services[1].name", "metric name 'web-cons-established' in namespace 'Shop' is "
                + "already produced by service 'a' (services[0]); give this service another metric-name or namespace");
    }

    @Test
    void sameMetricNamesInDifferentNamespacesAreFine() {
        ConnwatchConfig config = load("""
                services:
                  - name: web
                    ports: [80]
                    namespace: Blue
                    metric-name: "cons-{state}"
                  - name: db
                    ports: [3306]
                    namespace: Green
                    metric-name: "cons-{state}"
                """);
        assertEquals(2, config.services().size());
    }

    @Test
    void metricNameClashingWithTheListenQueueMetric() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    states: [listen]
                    metric-name: "{service}-listen-queue"
                """);
        assertError(e, "5:18", "services[0].metric-name", "metric name 'web-listen-queue' is produced twice by "
                + "service 'web': by its listen count and by its listen-queue metrics");
    }

    @Test
    void reservedNamespace() {
        ConfigException e = failure("""
                services:
                  - name: web
                    ports: [80]
                    namespace: AWS/EC2
                """);
        assertError(e, "4:16", "services[0].namespace",
                "namespace 'AWS/EC2' starts with 'AWS/', which CloudWatch reserves for AWS services");
    }

    @Test
    void noServicesKey() {
        ConfigException e = failure("""
                interval: 10s
                """);
        assertError(e, "1:1", "services", "no services; the file must list at least one under 'services', each "
                + "with a name and ports or remote-ports");
    }

    @Test
    void emptyServicesList() {
        assertError(failure("services: []\n"), "1:11", "services", "services is empty; list at least one service");
    }

    @Test
    void servicesNotAList() {
        assertError(failure("services: web\n"), "1:11", "services", "must be a list, not a text");
        assertError(failure("services:\n  web: {ports: [80]}\n"), "2:3", "services", "must be a list, not a map");
    }

    @Test
    void serviceNotAMap() {
        assertError(failure("services: [web]\n"), "1:12", "services[0]", "must be a map (key: value lines), not a text");
    }

    @Test
    void serviceNameNotAText() {
        ConfigException e = failure("""
                services:
                  - name: [web]
                    ports: [80]
                """);
        assertError(e, "2:11", "services[0].name", "must be a text value, not a list");
    }
}
