package io.connwatch.sinks.stdout;

import io.connwatch.api.Metric;

import java.util.List;

/** How the stdout sink renders one send's metrics. */
interface MetricFormat {

    /** Appends the rendering of {@code metrics} to {@code out}, ending with a line break. */
    void render(List<Metric> metrics, StringBuilder out);
}
