package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * One {@code PutMetricData} request that failed after the SDK's retries, described for the operator: the
 * namespace at fault, CloudWatch's own error code and message, and whether trying again later may help.
 *
 * @param namespace   the request's namespace
 * @param metrics     the metrics the request carried, none of them delivered
 * @param retryable   whether sending them again later may succeed
 * @param description what went wrong, naming the namespace
 * @param cause       the SDK's exception
 */
record PutMetricDataFailure(String namespace, List<Metric> metrics, boolean retryable, String description,
                            Exception cause) {

    /** Error codes CloudWatch may answer with a 4xx status that still mean "try again later". */
    private static final Set<String> TRANSIENT_CODES = Set.of("Throttling", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded", "RequestTimeout", "RequestTimeoutException",
            "PriorRequestNotComplete", "ServiceUnavailable", "InternalFailure", "InternalServiceFault",
            // Temporary credentials that expired in flight: the next send signs with the refreshed ones.
            "ExpiredToken", "ExpiredTokenException", "RequestExpired");

    static PutMetricDataFailure of(PutMetricDataBatch batch, Exception e) {
        String where = "namespace \"" + batch.namespace() + "\" (" + batch.metrics().size() + " datum"
                + (batch.metrics().size() == 1 ? "" : "s") + ")";
        if (e instanceof AwsServiceException ase) {
            AwsErrorDetails details = ase.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? ase.getMessage() : details.errorMessage();
            boolean retryable = ase.isThrottlingException() || ase.isClockSkewException() || ase.statusCode() >= 500
                    || ase.statusCode() == 429 || (code != null && TRANSIENT_CODES.contains(code));
            String description = where + ": CloudWatch answered " + (code == null ? "an error" : code)
                    + " (HTTP " + ase.statusCode() + "): " + message
                    + (ase.requestId() == null ? "" : " [request id " + ase.requestId() + "]");
            return new PutMetricDataFailure(batch.namespace(), batch.metrics(), retryable, description, e);
        }
        boolean retryable = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || hasIoCause(e) || isCredentialsUnavailable(e) || CloudWatchClientFactory.isNoRegion(e);
        return new PutMetricDataFailure(batch.namespace(), batch.metrics(), retryable,
                where + ": could not be sent to CloudWatch: " + e.getMessage(), e);
    }

    /** The same failure as the API's exception, for callers that look at each request's failure on its own. */
    DeliveryException asDeliveryException() {
        return new DeliveryException(description, metrics, retryable, cause);
    }

    /**
     * The SDK found no credentials this time. On EC2 that is usually the metadata service not answering for a
     * moment (the instance role's credentials come from it), which passes: keep the datums, unlike a refusal.
     */
    private static boolean isCredentialsUnavailable(Throwable e) {
        String message = e.getMessage();
        return message != null && message.startsWith("Unable to load credentials");
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
