package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.api.StatisticSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Publishes metrics to CloudWatch: one {@code PutMetricData} request per namespace per 1,000 datums (and under
 * 1 MB). A request that fails does not stop the other requests of the same publish.
 *
 * <p>When the region is known without the instance metadata service, the SDK client is built on a background thread
 * as soon as the sink exists: building it then contacts nothing, but initialises some 1,500 classes (about 50 ms of
 * a 350 ms cron cycle), work that overlaps with the first collection instead of delaying the first send. Otherwise
 * it is built at the first send. A build that failed (no region) is tried again on the next send.
 */
final class CloudWatchSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchSink.class);
    /** How many refused metrics a failure message lists before it only counts them. */
    private static final int REFUSALS_LISTED = 5;

    private final PutMetricDataPlanner planner;
    private final CloudWatchClientFactory clientFactory;
    private CompletableFuture<CloudWatchClient> earlyBuild;
    private CloudWatchClient client;

    CloudWatchSink(PutMetricDataPlanner planner, CloudWatchClientFactory clientFactory) {
        this.planner = planner;
        this.clientFactory = clientFactory;
        // Built ahead only when that contacts nothing: with region auto and no region in the environment or profile,
        // the build asks the metadata service, which create() (and so validate and a dry run) must not.
        this.earlyBuild = !clientFactory.regionKnownWithoutMetadata() ? null
                : CompletableFuture.supplyAsync(clientFactory::build, task -> {
                    // A daemon thread: `connwatch validate` exits without waiting for a client it never uses.
                    Thread builder = new Thread(task, "connwatch-cloudwatch-client");
                    builder.setDaemon(true);
                    builder.start();
                });
    }

    @Override
    public synchronized void publish(List<Metric> metrics) throws DeliveryException {
        PutMetricDataPlan plan = planner.plan(metrics);
        List<PutMetricDataFailure> failures = new ArrayList<>();
        CloudWatchClient cloudWatch = null;
        if (!plan.batches().isEmpty()) {
            try {
                cloudWatch = client();
            } catch (SdkException e) {
                // No region (or no usable configuration): every request fails alike; look it up once, not per request.
                plan.batches().forEach(batch -> failures.add(PutMetricDataFailure.of(batch, e)));
            }
        }
        for (PutMetricDataBatch batch : cloudWatch == null ? List.<PutMetricDataBatch>of() : plan.batches()) {
            try {
                cloudWatch.putMetricData(PutMetricDataRequest.builder()
                        .namespace(batch.namespace())
                        .metricData(batch.datums())
                        .build());
                LOG.debug("PutMetricData {}: {} datums sent", batch.namespace(), batch.datums().size());
            } catch (SdkException e) {
                failures.add(PutMetricDataFailure.of(batch, e));
            }
        }
        if (!failures.isEmpty() || !plan.refused().isEmpty()) {
            throw deliveryException(metrics.size(), failures, plan.refused());
        }
    }

    private CloudWatchClient client() {
        if (client == null) {
            CompletableFuture<CloudWatchClient> early = earlyBuild;
            earlyBuild = null;
            client = early != null ? join(early) : clientFactory.build();
        }
        return client;
    }

    private static CloudWatchClient join(CompletableFuture<CloudWatchClient> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            // The build's own exception (an SdkException when no region is found), as a build on this thread throws.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * One exception for the whole publish, as the API asks. It is retryable only when every undelivered metric
     * may succeed later; each request's own failure is attached as a suppressed {@link DeliveryException} with its
     * own metrics and retryability, for a caller that wants to keep the transient part of a mixed failure.
     */
    private static DeliveryException deliveryException(int total, List<PutMetricDataFailure> failures,
                                                       List<RefusedMetric> refused) {
        List<Metric> undelivered = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        boolean retryable = refused.isEmpty();
        for (PutMetricDataFailure f : failures) {
            undelivered.addAll(f.metrics());
            retryable &= f.retryable();
            message.append("; ").append(f.description());
        }
        if (!refused.isEmpty()) {
            message.append("; ").append(refused.size()).append(refused.size() == 1 ? " metric" : " metrics")
                    .append(" refused before sending, as CloudWatch would refuse ")
                    .append(refused.size() == 1 ? "it" : "them").append(": ");
            for (int i = 0; i < refused.size(); i++) {
                undelivered.add(refused.get(i).metric());
                if (i < REFUSALS_LISTED) {
                    message.append(i == 0 ? "" : "; ").append(refused.get(i).problem());
                }
            }
            if (refused.size() > REFUSALS_LISTED) {
                message.append("; and ").append(refused.size() - REFUSALS_LISTED).append(" more");
            }
        }
        String text = "cloudwatch: " + undelivered.size() + " of " + total + " metrics not delivered"
                + (retryable ? " (may succeed later)" : "") + message;
        DeliveryException e = new DeliveryException(text, undelivered, retryable,
                failures.isEmpty() ? null : failures.get(0).cause());
        if (failures.size() + (refused.isEmpty() ? 0 : 1) > 1) {
            for (PutMetricDataFailure f : failures) {
                e.addSuppressed(f.asDeliveryException());
            }
            if (!refused.isEmpty()) {
                e.addSuppressed(new DeliveryException("refused before sending",
                        refused.stream().map(RefusedMetric::metric).toList(), false, null));
            }
        }
        return e;
    }

    @Override
    public void preview(List<Metric> metrics, PrintStream out) {
        PutMetricDataPlan plan = planner.plan(metrics);
        int n = plan.batches().size();
        for (int i = 0; i < n; i++) {
            PutMetricDataBatch batch = plan.batches().get(i);
            out.println("cloudwatch PutMetricData " + (i + 1) + " of " + n + ": namespace " + batch.namespace()
                    + ", " + batch.metrics().size() + (batch.metrics().size() == 1 ? " datum" : " datums")
                    + ", at most " + (batch.estimatedBytes() + 1023) / 1024 + " KiB");
            for (int d = 0; d < batch.metrics().size(); d++) {
                Metric m = batch.metrics().get(d);
                out.println("  " + m.name() + " = " + formatValue(m) + " " + m.unit().cloudWatchName()
                        + " " + formatDimensions(m.dimensions()) + " at " + m.timestamp()
                        + ", resolution " + batch.datums().get(d).storageResolution() + " s");
            }
        }
        for (RefusedMetric r : plan.refused()) {
            out.println("cloudwatch would not send: " + r.problem());
        }
    }

    private static String formatValue(Metric m) {
        StatisticSet s = m.statistics();
        if (s == null) {
            return formatValue(m.value());
        }
        return "{count " + formatValue(s.sampleCount()) + ", sum " + formatValue(s.sum()) + ", min "
                + formatValue(s.minimum()) + ", max " + formatValue(s.maximum()) + "}";
    }

    private static String formatValue(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String formatDimensions(List<Dimension> dimensions) {
        StringBuilder sb = new StringBuilder("{");
        for (Dimension d : dimensions) {
            sb.append(sb.length() == 1 ? "" : ", ").append(d.name()).append('=').append(d.value());
        }
        return sb.append('}').toString();
    }

    @Override
    public synchronized void close() {
        if (earlyBuild != null) {
            // Never used: close it whenever its build ends, without waiting for it here.
            earlyBuild.thenAccept(CloudWatchClient::close);
            earlyBuild = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
