package io.connwatch.runner.pipeline;

import io.connwatch.api.Collector;
import io.connwatch.api.DeliveryException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.collectors.tcp.TcpStatesCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The built collectors and sinks of one configuration. Collecting asks every collector and keeps going past one
 * that throws; publishing hands the metrics to every sink and keeps going past one that fails.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<ActivePlugin<Collector>> collectors;
    private final List<ActivePlugin<Sink>> sinks;
    private final List<Dimension> dimensions;
    private boolean closed;

    Pipeline(List<ActivePlugin<Collector>> collectors, List<ActivePlugin<Sink>> sinks, List<Dimension> dimensions) {
        this.collectors = List.copyOf(collectors);
        this.sinks = List.copyOf(sinks);
        this.dimensions = List.copyOf(dimensions);
    }

    /** The collectors, in configuration order. */
    public List<ActivePlugin<Collector>> collectors() {
        return collectors;
    }

    /** The sinks, in configuration order. */
    public List<ActivePlugin<Sink>> sinks() {
        return sinks;
    }

    /**
     * Samples every collector once. A collector that throws costs its own metrics of this cycle only.
     *
     * @param timestamp the cycle's sample time
     * @return the metrics, with the configured dimensions appended, and how many collectors failed
     */
    public CollectionResult collect(Instant timestamp) {
        List<Metric> metrics = new ArrayList<>();
        int failed = 0;
        long sockets = -1;
        for (ActivePlugin<Collector> c : collectors) {
            try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(c.plugin())) {
                List<Metric> sampled = c.plugin().collect(timestamp);
                for (Metric m : sampled) {
                    metrics.add(m.withDimensionsAppended(dimensions));
                }
                if (c.plugin() instanceof TcpStatesCollector tcp && tcp.lastCycleStats().isPresent()) {
                    sockets = Math.max(sockets, 0) + tcp.lastCycleStats().get().socketsSeen();
                }
            } catch (Exception | LinkageError e) {
                failed++;
                LOG.error("{} failed this cycle; its metrics of this cycle are lost: {}", c.describe(), e.toString(), e);
            }
        }
        return new CollectionResult(metrics, failed, sockets);
    }

    /**
     * Hands {@code metrics} to every sink. A sink that fails does not stop the others.
     *
     * @param metrics the metrics of this send
     * @return per sink, how many metrics it could not deliver
     */
    public DeliveryReport publish(List<Metric> metrics) {
        List<DeliveryReport.SinkOutcome> outcomes = new ArrayList<>(sinks.size());
        for (ActivePlugin<Sink> s : sinks) {
            try {
                SinkCall.publish(s, metrics);
                outcomes.add(new DeliveryReport.SinkOutcome(s, metrics.size(), null));
            } catch (DeliveryException e) {
                LOG.error("{} could not deliver {} of {} metrics{}: {}", s.describe(), e.undelivered().size(),
                        metrics.size(), e.retryable() ? " (transient)" : "", e.getMessage());
                outcomes.add(new DeliveryReport.SinkOutcome(s, metrics.size() - e.undelivered().size(), e));
            }
        }
        return new DeliveryReport(outcomes);
    }

    /**
     * Shows what each sink would send, sending nothing.
     *
     * @param metrics the metrics that would be published
     * @param out     where to print
     */
    public void preview(List<Metric> metrics, PrintStream out) {
        for (ActivePlugin<Sink> s : sinks) {
            SinkCall.preview(s, metrics, out);
        }
    }

    /** Closes every plugin, once: a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ActivePlugin<?> p : concat()) {
            try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(p.plugin())) {
                ((AutoCloseable) p.plugin()).close();
            } catch (Exception e) {
                LOG.warn("{} failed to close: {}", p.describe(), e.toString(), e);
            }
        }
    }

    private List<ActivePlugin<?>> concat() {
        List<ActivePlugin<?>> all = new ArrayList<>(collectors);
        all.addAll(sinks);
        return all;
    }
}
