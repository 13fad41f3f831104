package io.connwatch.runner.daemon;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.api.Unit;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginOrigin;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SinkDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static SinkDelivery delivery(Sink sink) {
        return new SinkDelivery(new ActivePlugin<>(PluginKind.SINK, "test", "sinks[0]", new PluginOrigin(false, null,
                null), sink), 100);
    }

    @Test
    void aRefusalIsCountedAgainstTheBatchNotAsTheSinkListsIt() {
        Metric a = Metric.of("a", 1, Unit.COUNT, NOW);
        Metric b = Metric.of("b", 2, Unit.COUNT, NOW);
        Metric stranger = Metric.of("never-sent", 3, Unit.COUNT, NOW);
        // A sink that lists the refused metric twice and one it was never given.
        SinkDelivery d = delivery(metrics -> {
            throw new DeliveryException("refused", List.of(a, a, stranger), false, null);
        });
        d.outbox().add(List.of(a, b));
        SinkDelivery.Result r = d.send(NOW, false, System.out);
        assertEquals(new SinkDelivery.Result(2, 1, 0, 1), r);
        assertEquals(1, d.rejected());
        assertEquals(1, d.delivered());
    }

    @Test
    void theTransientPartIsKeptAndTheRestCountsAsDelivered() {
        Metric a = Metric.of("a", 1, Unit.COUNT, NOW);
        Metric b = Metric.of("b", 2, Unit.COUNT, NOW);
        List<List<Metric>> calls = new ArrayList<>();
        SinkDelivery d = delivery(metrics -> {
            calls.add(List.copyOf(metrics));
            if (calls.size() == 1) {
                throw new DeliveryException("throttled", List.of(b), true, null);
            }
        });
        d.outbox().add(List.of(a, b));
        assertEquals(new SinkDelivery.Result(2, 1, 1, 0), d.send(NOW, false, System.out));
        assertEquals(new SinkDelivery.Result(1, 1, 0, 0), d.send(NOW, false, System.out));
        assertEquals(List.of(List.of(a, b), List.of(b)), calls);
    }
}
