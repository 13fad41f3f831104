package io.connwatch.runner.pipeline;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.List;

/**
 * One call into a sink, as both the once run and the daemon make it: in the sink's own class loader, and with
 * whatever a broken plugin throws (short of an {@link Error} that is not a plugin's own doing) turned into a
 * {@link DeliveryException} that names the sink and is not retryable: sending the same datums again would break it
 * again.
 */
public final class SinkCall {

    private static final Logger LOG = LoggerFactory.getLogger(SinkCall.class);

    private SinkCall() {
    }

    /**
     * Publishes {@code metrics} to {@code sink}.
     *
     * @param sink    the sink
     * @param metrics what to send
     * @throws DeliveryException what the sink reported, or its failure
     */
    public static void publish(ActivePlugin<Sink> sink, List<Metric> metrics) throws DeliveryException {
        try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(sink.plugin())) {
            sink.plugin().publish(metrics);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            LOG.error("{} failed: {}", sink.describe(), e.toString(), e);
            throw new DeliveryException(sink.describe() + " failed: " + e, metrics, false, e);
        }
    }

    /**
     * Shows what {@code sink} would send, under a header line naming it; sends nothing. A sink that breaks while
     * showing is logged and skipped: a dry run loses nothing.
     *
     * @param sink    the sink
     * @param metrics what would be sent
     * @param out     where to print
     */
    public static void preview(ActivePlugin<Sink> sink, List<Metric> metrics, PrintStream out) {
        out.println("# dry run: " + sink.describe() + " would send " + metrics.size() + " metrics");
        try (PluginClassLoaderScope scope = PluginClassLoaderScope.enter(sink.plugin())) {
            sink.plugin().preview(metrics, out);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            LOG.error("{} failed to show what it would send: {}", sink.describe(), e.toString(), e);
        }
        out.flush();
    }
}
