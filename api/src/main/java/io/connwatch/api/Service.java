package io.connwatch.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A service named in the configuration: the ports that identify its connections, the states to count, and how
 * its metrics are named.
 *
 * @param name               the service's name, unique in the configuration, such as {@code web}
 * @param ports              local ports: this host serves them ({@code ss}'s {@code sport}); may be empty
 * @param remotePorts        remote ports: this host is the client ({@code ss}'s {@code dport}); may be empty
 * @param states             the states to count, in the kernel's order; never empty
 * @param namespace          the namespace for this service's metrics, or {@code null} for the sink's default
 * @param metricNameTemplate the metric name with {@code {service}} and {@code {state}} placeholders
 */
public record Service(String name, List<Integer> ports, List<Integer> remotePorts, Set<TcpState> states,
                      String namespace, String metricNameTemplate) {

    /** The metric name template used when the configuration gives none. */
    public static final String DEFAULT_METRIC_NAME = "{service}-cons-{state}";

    /** Validates the parts and makes them immutable. */
    public Service {
        Objects.requireNonNull(name, "service name");
        ports = List.copyOf(ports);
        remotePorts = List.copyOf(remotePorts);
        if (ports.isEmpty() && remotePorts.isEmpty()) {
            throw new IllegalArgumentException("service " + name + " has neither ports nor remote-ports");
        }
        for (List<Integer> list : List.of(ports, remotePorts)) {
            for (int port : list) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("service " + name + ": " + port + " is not a port (1-65535)");
                }
            }
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("service " + name + " counts no states");
        }
        states = Collections.unmodifiableSet(EnumSet.copyOf(states));
        Objects.requireNonNull(metricNameTemplate, "metric name template");
    }

    /**
     * The name of this service's metric for {@code state}: the template with {@code {service}} and
     * {@code {state}} replaced, for example {@code web-cons-timewait}.
     *
     * @param state the state counted
     * @return the metric name
     */
    public String metricName(TcpState state) {
        return metricNameTemplate.replace("{service}", name).replace("{state}", state.token());
    }

    /** The name of the metric for connections waiting in the listeners' accept queues: {@code {service}-listen-queue}. */
    public String listenQueueMetricName() {
        return name + "-listen-queue";
    }

    /** The name of the metric for the listeners' backlog limit: {@code {service}-listen-backlog}. */
    public String listenBacklogMetricName() {
        return name + "-listen-backlog";
    }
}
