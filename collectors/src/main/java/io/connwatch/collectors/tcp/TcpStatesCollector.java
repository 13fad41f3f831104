package io.connwatch.collectors.tcp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.connwatch.api.Collector;
import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import io.connwatch.api.Unit;

/**
 * The {@code tcp-states} collector: one walk over the socket table per cycle, counted for all services at once.
 *
 * <p>Per service, in configuration order, it emits one {@code Count} metric per configured state in the kernel's
 * order, named by {@link Service#metricName(TcpState)}: as many sockets as
 * {@code ss -tan state STATE '( sport = :P1 or sport = :P2 )'} lists ({@code dport} for {@code remote-ports}). For
 * a service with {@code ports} whose states include {@code listen} it adds {@code {service}-listen-queue} (the
 * listeners' accept queues, summed) and, if the reader knows it, {@code {service}-listen-backlog} (their backlog
 * limits, summed). Metrics carry the service's namespace (or none) and no dimensions: the runner appends the
 * global ones.
 *
 * <p>The metric set is fixed when the collector is built, so every cycle emits the same names.
 */
public final class TcpStatesCollector implements Collector {

    /** What a datum reports besides a state count. */
    private static final int LISTEN_QUEUE = -1;
    private static final int LISTEN_BACKLOG = -2;

    private final SocketTableReader reader;
    private final TcpStateCounter counter;
    private final List<Datum> datums;
    private volatile CycleStats lastCycle;

    /**
     * @param reader   reads the socket table; closed with this collector
     * @param services the services to count, in the order their metrics are emitted
     */
    TcpStatesCollector(SocketTableReader reader, List<Service> services) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.counter = new TcpStateCounter(services);
        this.datums = plan(services, reader.knowsBacklog());
    }

    private static List<Datum> plan(List<Service> services, boolean knowsBacklog) {
        List<Datum> out = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            Service service = services.get(s);
            for (TcpState state : service.states()) {
                out.add(new Datum(s, state, state.kernelCode(), service.metricName(state), service.namespace()));
            }
            if (!service.ports().isEmpty() && service.states().contains(TcpState.LISTEN)) {
                out.add(new Datum(s, null, LISTEN_QUEUE, service.listenQueueMetricName(), service.namespace()));
                if (knowsBacklog) {
                    out.add(new Datum(s, null, LISTEN_BACKLOG, service.listenBacklogMetricName(), service.namespace()));
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Metric> collect(Instant timestamp) throws IOException {
        counter.reset();
        CycleStats stats = reader.read(counter);
        List<Metric> metrics = new ArrayList<>(datums.size());
        for (Datum d : datums) {
            long value = switch (d.what) {
                case LISTEN_QUEUE -> counter.listenQueue(d.service);
                case LISTEN_BACKLOG -> counter.listenBacklog(d.service);
                default -> counter.count(d.service, d.state);
            };
            metrics.add(new Metric(d.namespace, d.name, value, Unit.COUNT, List.of(), timestamp));
        }
        lastCycle = stats;
        return metrics;
    }

    /** What the last cycle's walk saw (reader name, sockets, malformed lines); empty before the first cycle. */
    public Optional<CycleStats> lastCycleStats() {
        return Optional.ofNullable(lastCycle);
    }

    /** The name of the reader in use, such as {@code procfs}. */
    public String readerName() {
        return reader.name();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * One metric of every cycle.
     *
     * @param what the state's kernel code, or {@link #LISTEN_QUEUE} or {@link #LISTEN_BACKLOG}
     */
    private record Datum(int service, TcpState state, int what, String name, String namespace) {
    }
}
