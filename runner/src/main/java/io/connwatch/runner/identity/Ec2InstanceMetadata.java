package io.connwatch.runner.identity;

import io.connwatch.runner.config.InstanceMetadata;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;

/**
 * {@link InstanceMetadata} from the EC2 instance metadata service, IMDSv2 only (a session token, then the calls),
 * through the AWS SDK's {@link Ec2MetadataClient} on the JDK-based url-connection HTTP client.
 *
 * <p>Nothing is contacted until the first {@link #lookup}. The client, its one session token and every answer are
 * kept for the life of the process, so each key costs one request at most. When the service does not answer, the
 * first look-up gives up within {@link ImdsTimeouts#DEFAULT about 2 s} and every later one at once, with the
 * same reason. {@code AWS_EC2_METADATA_DISABLED=true} turns it off without a request (the SDK's client does not
 * check that variable itself); {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} and
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE} say where it is.
 */
public final class Ec2InstanceMetadata implements InstanceMetadata, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ec2InstanceMetadata.class);

    static final String DISABLED_VARIABLE = "AWS_EC2_METADATA_DISABLED";
    static final String AUTOSCALING_GROUP_PATH = "/latest/meta-data/tags/instance/aws:autoscaling:groupName";
    static final String TAGS_PATH = "/latest/meta-data/tags/instance";
    /** Session tokens live this long; the process asks for its values at start, within seconds. */
    private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

    private static final Map<String, String> PATHS = Map.of(
            "instance-id", "/latest/meta-data/instance-id",
            "instance-type", "/latest/meta-data/instance-type",
            "ami-id", "/latest/meta-data/ami-id",
            "region", "/latest/meta-data/placement/region",
            "availability-zone", "/latest/meta-data/placement/availability-zone",
            "autoscaling-group", AUTOSCALING_GROUP_PATH);

    private final Map<String, String> env;
    private final ImdsTimeouts timeouts;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> keyReasons = new HashMap<>();
    /** Why the service as a whole cannot be used; once set, no further request is made. */
    private String serviceReason;
    /** When an outage (not a setting) made the service unusable; a long-lived process asks again after a while. */
    private long outageSince;
    private boolean outage;
    private URI endpoint;
    private SdkHttpClient httpClient;
    private Ec2MetadataClient client;
    /** Time spent on the service by all look-ups so far, and when the current one started. */
    private long spentNanos;
    private long lookupStart;

    /**
     * Metadata from the service the environment points at.
     *
     * @param env the process environment ({@link System#getenv()} in production)
     */
    public Ec2InstanceMetadata(Map<String, String> env) {
        this(env, ImdsTimeouts.DEFAULT);
    }

    Ec2InstanceMetadata(Map<String, String> env, ImdsTimeouts timeouts) {
        this.env = Map.copyOf(env);
        this.timeouts = timeouts;
    }

    /** Metadata from the service this process's environment points at. */
    public static Ec2InstanceMetadata fromEnvironment() {
        return new Ec2InstanceMetadata(System.getenv());
    }

    @Override
    public synchronized Optional<String> lookup(String key) {
        String value = values.get(key);
        if (value != null) {
            return Optional.of(value);
        }
        String path = PATHS.get(key);
        if (path == null) {
            keyReasons.put(key, "\"" + key + "\" is not an instance metadata key; known keys: "
                    + String.join(", ", KEYS));
            return Optional.empty();
        }
        if (keyReasons.containsKey(key)) {
            return Optional.empty();
        }
        lookupStart = System.nanoTime();
        try {
            if (!serviceUsable()) {
                return Optional.empty();
            }
            Answer answer = get(path);
            if (answer.value() != null) {
                values.put(key, answer.value());
                return Optional.of(answer.value());
            }
            if (answer.absent()) {
                keyReasons.put(key, key.equals("autoscaling-group") ? autoscalingGroupReason()
                        : "the instance metadata service has no " + path + " (HTTP 404)");
            }
            return Optional.empty();
        } finally {
            // Client set-up counts too: the first look-up loads the SDK's classes.
            spentNanos += System.nanoTime() - lookupStart;
        }
    }

    @Override
    public synchronized String unavailableReason(String key) {
        String reason = keyReasons.get(key);
        if (reason != null) {
            return reason;
        }
        if (serviceReason != null) {
            return serviceReason;
        }
        return values.containsKey(key) ? "\"" + key + "\" is available" : "\"" + key + "\" has not been looked up";
    }

    private boolean serviceUsable() {
        if (serviceReason != null && outage
                && System.nanoTime() - outageSince >= timeouts.retryAfterOutage().toNanos()) {
            // A daemon started while the service was down (early boot, a network hiccup): give it a fresh budget.
            LOG.info("asking the instance metadata service again, {} after: {}", timeouts.retryAfterOutage(),
                    serviceReason);
            serviceReason = null;
            outage = false;
            spentNanos = 0;
        }
        if (serviceReason != null) {
            return false;
        }
        if ("true".equalsIgnoreCase(env.getOrDefault(DISABLED_VARIABLE, "").trim())) {
            serviceReason = DISABLED_VARIABLE + " is true";
            return false;
        }
        if (spentNanos >= timeouts.budget().toNanos()) {
            serviceReason = "the instance metadata service at " + endpoint + " is too slow: the look-ups so far took "
                    + seconds(spentNanos) + ", more than the " + seconds(timeouts.budget().toNanos()) + " allowed";
            markOutage();
            return false;
        }
        if (client == null) {
            try {
                endpoint = ImdsEndpoint.resolve(env);
            } catch (IllegalArgumentException e) {
                serviceReason = e.getMessage();
                return false;
            }
            httpClient = UrlConnectionHttpClient.builder()
                    .connectionTimeout(timeouts.connectTimeout())
                    .socketTimeout(timeouts.readTimeout())
                    .build();
            client = Ec2MetadataClient.builder()
                    .endpoint(endpoint)
                    .httpClient(httpClient)
                    .tokenTtl(TOKEN_TTL)
                    .retryPolicy(p -> p.numRetries(timeouts.retries()))
                    .build();
        }
        return true;
    }

    /**
     * What the service said about one path.
     *
     * @param value  the answer, or {@code null}
     * @param absent whether the service said the path does not exist (HTTP 404, or an empty answer)
     */
    private record Answer(String value, boolean absent) {
    }

    /** One metadata path. Any failure but the path's absence means the service cannot be used: it sets {@link #serviceReason}. */
    private Answer get(String path) {
        try {
            String body = client.get(path).asString().trim();
            return body.isEmpty() ? new Answer(null, true) : new Answer(body, false);
        } catch (Ec2MetadataClientException e) {
            if (e.statusCode() == 404) {
                return new Answer(null, true);
            }
            serviceReason = "the instance metadata service at " + endpoint + " answered HTTP " + e.statusCode()
                    + " to " + path + (e.statusCode() == 401 ? " (the session token was refused)" : "");
            markOutage();
            return new Answer(null, false);
        } catch (SdkClientException e) {
            serviceReason = unreachableReason(e, spentNanos + System.nanoTime() - lookupStart);
            markOutage();
            LOG.debug("instance metadata service unavailable: {}", serviceReason, e);
            return new Answer(null, false);
        }
    }

    private void markOutage() {
        outage = true;
        outageSince = System.nanoTime();
    }

    private String unreachableReason(SdkClientException e, long elapsedNanos) {
        String service = "the instance metadata service at " + endpoint;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return service + " did not answer within " + seconds(elapsedNanos) + " (this host is not on EC2, "
                        + "or a firewall drops the packets)";
            }
            if (t instanceof ConnectException) {
                return service + " refused the connection (this host is not on EC2?): " + t.getMessage();
            }
            if (t instanceof IOException) {
                return service + " could not be reached: " + t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("token")) {
            // The SDK's words for a refused PUT /latest/api/token, such as "Could not retrieve token, 403 error".
            return service + " gave no IMDSv2 session token: " + message;
        }
        return service + " failed: " + message;
    }

    /**
     * Why {@code aws:autoscaling:groupName} gave nothing: the instance's tags are not exposed to the metadata service
     * (the listing of tags is absent too), or it has no such tag (it is not in an Auto Scaling group).
     */
    private String autoscalingGroupReason() {
        if (!serviceUsable()) {
            return serviceReason;
        }
        Answer tags = get(TAGS_PATH);
        if (serviceReason != null) {
            return serviceReason;
        }
        if (tags.value() != null) {
            return "the instance has no tag aws:autoscaling:groupName: it is not in an Auto Scaling group";
        }
        return "instance metadata tags are not allowed on this instance, so the metadata service cannot tell its "
                + "Auto Scaling group (the owner can allow them: aws ec2 modify-instance-metadata-options "
                + "--instance-metadata-tags enabled --instance-id ...)";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            httpClient.close();
            client = null;
            httpClient = null;
        }
    }
}
