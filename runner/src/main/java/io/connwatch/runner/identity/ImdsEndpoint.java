package io.connwatch.runner.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Where the instance metadata service is, from the environment as the AWS SDKs and CLI read it:
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, else {@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE} ({@code IPv4},
 * the default, or {@code IPv6}).
 */
final class ImdsEndpoint {

    static final String ENDPOINT_VARIABLE = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    static final String MODE_VARIABLE = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
    static final URI IPV4 = URI.create("http://169.254.169.254");
    static final URI IPV6 = URI.create("http://[fd00:ec2::254]");

    private ImdsEndpoint() {
    }

    /**
     * The endpoint the environment names.
     *
     * @param env the environment
     * @return the endpoint, without a trailing slash (the SDK appends paths that start with one)
     * @throws IllegalArgumentException naming the variable, if it holds no usable value
     */
    static URI resolve(Map<String, String> env) {
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank()) {
            String trimmed = endpoint.trim();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            try {
                URI uri = new URI(trimmed);
                if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException(ENDPOINT_VARIABLE + " is \"" + endpoint
                            + "\", not an http:// URL with a host");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(ENDPOINT_VARIABLE + " is \"" + endpoint + "\", not a URL: "
                        + e.getReason(), e);
            }
        }
        String mode = env.getOrDefault(MODE_VARIABLE, "").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "", "ipv4" -> IPV4;
            case "ipv6" -> IPV6;
            default -> throw new IllegalArgumentException(MODE_VARIABLE + " is \"" + env.get(MODE_VARIABLE)
                    + "\", not IPv4 or IPv6");
        };
    }
}
