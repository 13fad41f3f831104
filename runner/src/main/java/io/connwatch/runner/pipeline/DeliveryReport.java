package io.connwatch.runner.pipeline;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Sink;

import java.util.List;

/**
 * How one send went, sink by sink.
 *
 * @param outcomes one per sink, in configuration order
 */
public record DeliveryReport(List<SinkOutcome> outcomes) {

    /**
     * One sink's part of a send.
     *
     * @param sink      the sink
     * @param delivered how many metrics it delivered
     * @param failure   why some were not delivered, or {@code null} if all were
     */
    public record SinkOutcome(ActivePlugin<Sink> sink, int delivered, DeliveryException failure) {
    }

    /** Whether every sink delivered every metric. */
    public boolean complete() {
        return outcomes.stream().allMatch(o -> o.failure() == null);
    }

    /** Metrics delivered, summed over the sinks. */
    public int delivered() {
        return outcomes.stream().mapToInt(SinkOutcome::delivered).sum();
    }
}
