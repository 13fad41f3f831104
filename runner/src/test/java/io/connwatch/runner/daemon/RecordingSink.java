package io.connwatch.runner.daemon;

import io.connwatch.api.Metric;
import io.connwatch.api.Sink;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that records every call the daemon makes to it, with the thread's context class loader at the time, and
 * can be told to throw on its first publish.
 */
final class RecordingSink implements Sink {

    /**
     * One call.
     *
     * @param method             {@code publish} or {@code preview}
     * @param metrics            what it was given
     * @param contextClassLoader the calling thread's context class loader during the call
     */
    record Call(String method, List<Metric> metrics, ClassLoader contextClassLoader) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Metric> published = new ArrayList<>();
    private Error firstPublishFailure;

    /** Makes the first publish throw {@code failure}, after recording the call. */
    synchronized void failFirstPublishWith(Error failure) {
        firstPublishFailure = failure;
    }

    @Override
    public synchronized void publish(List<Metric> metrics) {
        record("publish", metrics);
        if (firstPublishFailure != null) {
            Error failure = firstPublishFailure;
            firstPublishFailure = null;
            throw failure;
        }
        published.addAll(metrics);
    }

    @Override
    public synchronized void preview(List<Metric> metrics, PrintStream out) {
        record("preview", metrics);
        Sink.super.preview(metrics, out);
    }

    private void record(String method, List<Metric> metrics) {
        calls.add(new Call(method, List.copyOf(metrics), Thread.currentThread().getContextClassLoader()));
    }

    /** Every call so far, failed ones included, in order. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The metrics of the publishes that succeeded, in order. */
    synchronized List<Metric> published() {
        return List.copyOf(published);
    }
}
