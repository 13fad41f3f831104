package io.connwatch.sinks.stdout;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;

import java.io.PrintStream;
import java.util.List;

/** Writes each send to standard output in one write, so that lines of two sends never interleave. */
final class StdoutSink implements Sink {

    private final MetricFormat format;
    private final PrintStream out;

    StdoutSink(MetricFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    @Override
    public void publish(List<Metric> metrics) throws DeliveryException {
        write(metrics, out);
        if (out.checkError()) {
            // A closed pipe (connwatch run | head) must not look like a success.
            throw new DeliveryException("could not write to standard output", metrics, false, null);
        }
    }

    @Override
    public void preview(List<Metric> metrics, PrintStream previewOut) {
        // Printing is all this sink does, so its preview is what it would print.
        write(metrics, previewOut);
    }

    private void write(List<Metric> metrics, PrintStream target) {
        StringBuilder sb = new StringBuilder(64 * metrics.size() + 64);
        format.render(metrics, sb);
        target.print(sb);
        target.flush();
    }
}
