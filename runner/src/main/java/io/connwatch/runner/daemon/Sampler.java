package io.connwatch.runner.daemon;

import io.connwatch.runner.pipeline.CollectionResult;

import java.time.Instant;

/** One sampling cycle: every collector once, as {@link io.connwatch.runner.pipeline.Pipeline#collect(Instant)}. */
@FunctionalInterface
public interface Sampler {

    /**
     * Samples now.
     *
     * @param timestamp the tick's time, to stamp every metric with
     * @return the metrics, and how many collectors failed
     */
    CollectionResult sample(Instant timestamp);
}
