package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;

/**
 * An upper bound of the bytes a datum adds to a {@code PutMetricData} request body.
 *
 * <p>Sized for the awsQuery protocol that SDK 2.40.2 speaks (form-encoded {@code MetricData.member.N.Field=value}
 * pairs), the larger of CloudWatch's two wire formats: the text values are counted exactly as percent-encoded,
 * and every key, number, unit and timestamp is given more room than its longest possible form.
 */
final class RequestSizeEstimator {

    /** Room for the longest key, {@code &MetricData.member.1000.Dimensions.member.30.Value=} (51 bytes). */
    private static final int KEY_BYTES = 64;
    /** Room for a double in the SDK's spelling ({@code -1.7976931348623157E308} is 23 bytes). */
    private static final int NUMBER_BYTES = 32;
    /** Room for the longest unit, {@code Terabytes%2FSecond} (18 bytes). */
    private static final int UNIT_BYTES = 32;
    /** Room for an ISO-8601 timestamp with its colons percent-encoded (about 34 bytes). */
    private static final int TIMESTAMP_BYTES = 48;
    /** Room for {@code Action=PutMetricData&Version=2010-08-01&Namespace=} and slack. */
    private static final int REQUEST_OVERHEAD_BYTES = 256;

    private RequestSizeEstimator() {
    }

    /** The bytes of a request with no datum yet, in {@code namespace}. */
    static int requestOverhead(String namespace) {
        return REQUEST_OVERHEAD_BYTES + encodedLength(namespace);
    }

    /** The bytes {@code metric} adds to a request, at most. */
    static int datumBytes(Metric metric) {
        int bytes = KEY_BYTES + encodedLength(metric.name())      // MetricName
                + KEY_BYTES + NUMBER_BYTES                        // Value
                + KEY_BYTES + UNIT_BYTES                          // Unit
                + KEY_BYTES + TIMESTAMP_BYTES                     // Timestamp
                + KEY_BYTES + NUMBER_BYTES;                       // StorageResolution
        if (metric.statistics() != null) {
            bytes += 3 * (KEY_BYTES + NUMBER_BYTES);              // SampleCount, Sum, Minimum, Maximum for Value
        }
        for (Dimension d : metric.dimensions()) {
            bytes += KEY_BYTES + encodedLength(d.name()) + KEY_BYTES + encodedLength(d.value());
        }
        return bytes;
    }

    /**
     * The length of {@code text} percent-encoded as the SDK encodes form values: the RFC 3986 unreserved
     * characters stay, every other byte of the UTF-8 form becomes {@code %XX}.
     */
    static int encodedLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                length += 1;
            } else if (c < 0x80) {
                length += 3;
            } else if (c < 0x800) {
                length += 6;
            } else if (Character.isHighSurrogate(c)) {
                length += 12; // the pair is 4 UTF-8 bytes; its low surrogate adds nothing more
                i++;
            } else {
                length += 9;
            }
        }
        return length;
    }
}
