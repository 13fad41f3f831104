/**
 * The {@code cloudwatch} sink: publishes metrics to Amazon CloudWatch with {@code PutMetricData}, one request per
 * namespace per 1,000 datums (and under 1 MB), on the AWS SDK for Java v2 with the JDK-based HTTP client.
 *
 * <p>Internal to connwatch, not public API: only {@link io.connwatch.sinks.cloudwatch.CloudWatchSinkProvider} is
 * meant to be found, through {@link java.util.ServiceLoader}.
 */
package io.connwatch.sinks.cloudwatch;
