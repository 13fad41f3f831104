package io.connwatch.api;

/**
 * A summary of several samples of one metric, sent in place of the samples themselves: CloudWatch's
 * {@code StatisticValues}. The daemon sends these when it samples more often than it publishes.
 *
 * @param sampleCount how many samples; at least 1
 * @param sum         their sum
 * @param minimum     the smallest
 * @param maximum     the largest
 */
public record StatisticSet(double sampleCount, double sum, double minimum, double maximum) {

    /** Checks that the numbers are finite and consistent. */
    public StatisticSet {
        if (!(sampleCount >= 1) || !Double.isFinite(sampleCount) || !Double.isFinite(sum) || !Double.isFinite(minimum)
                || !Double.isFinite(maximum) || minimum > maximum) {
            throw new IllegalArgumentException("not a statistic set: count " + sampleCount + ", sum " + sum + ", min "
                    + minimum + ", max " + maximum);
        }
    }

    /** A set of one sample. */
    public static StatisticSet of(double value) {
        return new StatisticSet(1, value, value, value);
    }

    /** This set with one more sample. */
    public StatisticSet plus(double value) {
        return new StatisticSet(sampleCount + 1, sum + value, Math.min(minimum, value), Math.max(maximum, value));
    }

    /** The mean of the samples. */
    public double mean() {
        return sum / sampleCount;
    }
}
