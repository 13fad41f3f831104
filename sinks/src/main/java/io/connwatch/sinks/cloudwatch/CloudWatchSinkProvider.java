package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;
import io.connwatch.api.Sink;
import io.connwatch.api.SinkProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code cloudwatch} sink type.
 *
 * <pre>{@code
 * sinks:
 *   - type: cloudwatch
 *     namespace: connwatch    # for metrics whose service names no namespace
 *     region: auto            # or a region name; auto: AWS_REGION, profile, then the instance metadata service
 *     endpoint: http://127.0.0.1:4566   # optional; else AWS_ENDPOINT_URL_CLOUDWATCH / AWS_ENDPOINT_URL
 *     storage-resolution: 60  # or 1 for high resolution
 * }</pre>
 *
 * <p>{@link #create} checks the entry and contacts nothing: no client, no region or credential look-up.
 */
public final class CloudWatchSinkProvider implements SinkProvider {

    /** Region names as AWS spells them, such as {@code eu-west-1} or {@code us-gov-west-1}. */
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    @Override
    public String type() {
        return "cloudwatch";
    }

    @Override
    public Sink create(ConfigEntry config, PluginContext context) {
        return create(config, context, CloudWatchClientTuning.PRODUCTION);
    }

    /** {@link #create(ConfigEntry, PluginContext)} with other client timeouts, retries or credentials. */
    Sink create(ConfigEntry config, PluginContext context, CloudWatchClientTuning tuning) {
        CloudWatchSinkSettings settings = settings(config, context);
        return new CloudWatchSink(
                new PutMetricDataPlanner(settings.defaultNamespace(), settings.storageResolution(), Clock.systemUTC()),
                new CloudWatchClientFactory(settings, tuning, context));
    }

    static CloudWatchSinkSettings settings(ConfigEntry config, PluginContext context) {
        String namespace = config.getString("namespace", "connwatch");
        String problem = CloudWatchLimits.namespaceProblem(namespace);
        if (problem != null) {
            throw config.error("namespace", problem);
        }
        for (Service service : context.services()) {
            problem = service.namespace() == null ? null : CloudWatchLimits.namespaceProblem(service.namespace());
            if (problem != null) {
                throw config.error("namespace", "service " + service.name() + " sends to CloudWatch, which refuses its "
                        + problem);
            }
        }

        String region = config.getString("region", CloudWatchSinkSettings.AUTO_REGION);
        if (!region.equals(CloudWatchSinkSettings.AUTO_REGION) && !REGION.matcher(region).matches()) {
            throw config.error("region", "\"" + region + "\" is not a region name such as eu-west-1; "
                    + "use auto to take it from AWS_REGION, the profile or the instance metadata service");
        }

        URI endpoint = null;
        Optional<String> endpointText = config.getString("endpoint");
        if (endpointText.isPresent()) {
            endpoint = endpoint(config, endpointText.get());
        }

        int resolution = config.getInt("storage-resolution", 60);
        if (resolution != 1 && resolution != 60) {
            throw config.error("storage-resolution", "must be 1 (high resolution) or 60, not " + resolution);
        }
        return new CloudWatchSinkSettings(namespace, region, endpoint, resolution);
    }

    private static URI endpoint(ConfigEntry config, String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw config.error("endpoint", "\"" + text + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw config.error("endpoint", "\"" + text + "\" is not an http:// or https:// URL with a host, "
                    + "such as http://127.0.0.1:4566");
        }
        return uri;
    }
}
