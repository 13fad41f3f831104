package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.StatisticSet;
import java.time.Duration;
import java.time.Instant;

/**
 * What CloudWatch refuses in a {@code PutMetricData} datum, checked before sending so that one bad metric is
 * reported with its name instead of failing the whole request of its namespace with a terse
 * {@code InvalidParameterValue}.
 */
final class CloudWatchLimits {

    static final int MAX_DATUMS_PER_REQUEST = 1000;
    /** CloudWatch refuses a PutMetricData HTTP POST body of 1 MB or more. */
    static final int MAX_REQUEST_BYTES = 1_000_000;
    static final int MAX_DIMENSIONS = 30;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_DIMENSION_VALUE_LENGTH = 1024;
    /** CloudWatch's documented value range: zero, or a magnitude from 2^-360 to 2^360. */
    static final double MAX_MAGNITUDE = Math.scalb(1.0, 360);
    static final double MIN_MAGNITUDE = Math.scalb(1.0, -360);
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final Duration MAX_AHEAD = Duration.ofHours(2);

    private CloudWatchLimits() {
    }

    /**
     * What CloudWatch would refuse in a namespace, or {@code null} if it is acceptable.
     *
     * @param namespace the namespace
     * @return the problem, as a sentence fragment, or {@code null}
     */
    static String namespaceProblem(String namespace) {
        if (namespace.isEmpty() || namespace.length() > MAX_NAME_LENGTH) {
            return "namespace \"" + namespace + "\" must have 1 to 255 characters";
        }
        if (namespace.startsWith("AWS/")) {
            return "namespace \"" + namespace + "\" starts with AWS/, which is reserved for AWS services";
        }
        for (int i = 0; i < namespace.length(); i++) {
            char c = namespace.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".-_/#: ".indexOf(c) >= 0;
            if (!ok) {
                return "namespace \"" + namespace + "\" contains '" + c
                        + "'; CloudWatch allows letters, digits, space and . - _ / # :";
            }
        }
        return null;
    }

    /**
     * What CloudWatch would refuse in {@code metric}, or {@code null} if it can be sent. NaN and the infinities
     * never get here: {@link Metric} refuses them when it is built.
     *
     * @param metric the metric
     * @param now    the current time, for the timestamp window
     * @return the problem, as a sentence fragment naming the metric, or {@code null}
     */
    static String metricProblem(Metric metric, Instant now) {
        String name = metric.name();
        if (name.length() > MAX_NAME_LENGTH) {
            return "metric " + abbreviate(name) + ": the name has " + name.length() + " characters, CloudWatch allows 255";
        }
        String range = metric.statistics() == null ? valueProblem("value", metric.value())
                : statisticsProblem(metric.statistics());
        if (range != null) {
            return "metric " + name + ": " + range;
        }
        if (metric.dimensions().size() > MAX_DIMENSIONS) {
            return "metric " + name + ": " + metric.dimensions().size() + " dimensions, CloudWatch allows "
                    + MAX_DIMENSIONS;
        }
        for (Dimension d : metric.dimensions()) {
            String problem = dimensionProblem(d);
            if (problem != null) {
                return "metric " + name + ": " + problem;
            }
        }
        if (metric.timestamp().isBefore(now.minus(MAX_AGE))) {
            return "metric " + name + ": timestamp " + metric.timestamp()
                    + " is more than two weeks old, CloudWatch accepts no older data";
        }
        if (metric.timestamp().isAfter(now.plus(MAX_AHEAD))) {
            return "metric " + name + ": timestamp " + metric.timestamp()
                    + " is more than two hours ahead of this host's clock";
        }
        return null;
    }

    private static String statisticsProblem(StatisticSet statistics) {
        String problem = valueProblem("sample count", statistics.sampleCount());
        if (problem == null) {
            problem = valueProblem("sum", statistics.sum());
        }
        if (problem == null) {
            problem = valueProblem("minimum", statistics.minimum());
        }
        return problem != null ? problem : valueProblem("maximum", statistics.maximum());
    }

    private static String valueProblem(String what, double value) {
        double magnitude = Math.abs(value);
        if (magnitude > MAX_MAGNITUDE || (magnitude != 0 && magnitude < MIN_MAGNITUDE)) {
            return what + " " + value + " is outside CloudWatch's range (zero or a magnitude from 2^-360 to 2^360)";
        }
        return null;
    }

    private static String dimensionProblem(Dimension d) {
        String name = d.name();
        if (name.length() > MAX_NAME_LENGTH) {
            return "dimension " + abbreviate(name) + ": the name has " + name.length() + " characters, CloudWatch allows 255";
        }
        if (name.charAt(0) == ':') {
            return "dimension " + name + ": a name cannot start with ':'";
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 127) {
                return "dimension " + name + ": a name must be ASCII";
            }
        }
        if (d.value().length() > MAX_DIMENSION_VALUE_LENGTH) {
            return "dimension " + name + ": the value has " + d.value().length()
                    + " characters, CloudWatch allows 1024";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
