package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Service;
import io.connwatch.api.Sink;
import io.connwatch.api.testing.MapConfigEntry;
import java.util.List;
import java.util.Map;

/**
 * A real cloudwatch sink pointed at a {@link CloudWatchStandIn}, with the test tuning (millisecond back-off,
 * fixed dummy credentials): for the runner's in-process daemon tests, which cannot reach the package-private
 * tuning. Public, in the sinks module's test jar.
 */
public final class StandInCloudWatchSink {

    private StandInCloudWatchSink() {
    }

    /**
     * The sink, as {@code type: cloudwatch} with {@code region: eu-west-1} and the stand-in's endpoint.
     *
     * @param standIn          where it sends
     * @param defaultNamespace the sink's {@code namespace:}
     * @param services         the configured services (their namespaces are checked)
     * @return the sink; it contacts nothing until it publishes
     */
    public static Sink create(CloudWatchStandIn standIn, String defaultNamespace, List<Service> services) {
        Map<String, Object> keys = Map.of("region", "eu-west-1", "endpoint", standIn.endpoint().toString(),
                "namespace", defaultNamespace);
        return new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys),
                new FixedPluginContext(services, "host-1"), FastRetryTuning.TUNING);
    }
}
