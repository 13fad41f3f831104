package io.connwatch.sinks.cloudwatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch on 127.0.0.1 for tests: decodes the {@code PutMetricData} requests the real SDK sends into datums,
 * and injects faults.
 *
 * <p>It decodes the awsQuery protocol that SDK 2.40.2 speaks (form-encoded {@code MetricData.member.N.…}, XML
 * replies). Anything else, such as the Smithy RPC v2 CBOR protocol that SDK 2.40.6 and later speak, is answered
 * with an error and recorded: {@link #requests()} then fails, naming the protocol it got, so that an SDK upgrade
 * fails loudly rather than silently delivering nothing.
 *
 * <p>Public, in the sinks module's test jar, so that the runner's end-to-end tests use the same stand-in.
 */
public final class CloudWatchStandIn implements AutoCloseable {

    /** A datum as CloudWatch received it. */
    public record ReceivedDatum(String name, double value, String unit, Instant timestamp, Map<String, String> dimensions,
                         Integer storageResolution, Map<String, Double> statisticValues) {
    }

    /**
     * A {@code PutMetricData} request that CloudWatch accepted.
     *
     * @param namespace     its namespace
     * @param datums        its datums, in order
     * @param bodyBytes     the size of the body as sent (compressed, if the SDK compressed it)
     * @param decodedBytes  the size of the form-encoded body
     * @param authorization the Authorization header
     */
    public record ReceivedRequest(String namespace, List<ReceivedDatum> datums, int bodyBytes, int decodedBytes,
                           String authorization) {
    }

    /** A failure to answer the next request with, whatever its namespace. */
    public enum Fault {
        SERVER_ERROR, THROTTLING
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, String> deniedNamespaces = new HashMap<>();
    private boolean down;
    private final List<ReceivedRequest> accepted = new ArrayList<>();
    private final List<String> protocolErrors = new ArrayList<>();

    public CloudWatchStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next requests with these faults, one each, before answering normally again. */
    public synchronized void failNext(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Answers every request for {@code namespace} with 403 AccessDenied and {@code message}. */
    public synchronized void deny(String namespace, String message) {
        deniedNamespaces.put(namespace, message);
    }

    /**
     * Starts or ends an outage: while down, every request is answered 503 ServiceUnavailable (retryable), as
     * CloudWatch answers during a regional incident, and nothing is accepted.
     */
    public synchronized void outage(boolean isDown) {
        down = isDown;
    }

    /** Every HTTP request received, faults and refusals included. */
    public int attempts() {
        return attempts.get();
    }

    /** The requests CloudWatch accepted, in order. Fails if any request spoke another protocol than awsQuery. */
    public synchronized List<ReceivedRequest> requests() {
        if (!protocolErrors.isEmpty()) {
            throw new AssertionError("the CloudWatch stand-in decodes awsQuery only (AWS SDK 2.40.2), but got: "
                    + String.join("; ", protocolErrors));
        }
        return List.copyOf(accepted);
    }

    /** The accepted datums of all requests, in order. */
    public List<ReceivedDatum> datums() {
        return requests().stream().flatMap(r -> r.datums().stream()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        attempts.incrementAndGet();
        try {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            byte[] body = raw;
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    body = in.readAllBytes();
                }
            }
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!contentType.startsWith("application/x-www-form-urlencoded")) {
                refuseProtocol(exchange, describeProtocol(exchange, contentType));
                return;
            }
            Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
            if (!"PutMetricData".equals(form.get("Action")) || !"2010-08-01".equals(form.get("Version"))) {
                refuseProtocol(exchange, "awsQuery Action=" + form.get("Action") + " Version=" + form.get("Version"));
                return;
            }
            Fault fault;
            String denial;
            boolean unavailable;
            synchronized (this) {
                unavailable = down;
                fault = unavailable ? null : faults.poll();
                denial = deniedNamespaces.get(form.get("Namespace"));
            }
            if (unavailable) {
                reply(exchange, 503, error("Receiver", "ServiceUnavailable", "stand-in: outage"));
            } else if (fault == Fault.SERVER_ERROR) {
                reply(exchange, 500, error("Receiver", "InternalServiceError", "stand-in: injected server error"));
            } else if (fault == Fault.THROTTLING) {
                reply(exchange, 400, error("Sender", "Throttling", "Rate exceeded"));
            } else if (denial != null) {
                reply(exchange, 403, error("Sender", "AccessDenied", denial));
            } else {
                ReceivedRequest request = decode(form, raw.length, body.length,
                        exchange.getRequestHeaders().getFirst("Authorization"));
                synchronized (this) {
                    accepted.add(request);
                }
                reply(exchange, 200, "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                        + "<ResponseMetadata><RequestId>" + requestId() + "</RequestId></ResponseMetadata>"
                        + "</PutMetricDataResponse>");
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                protocolErrors.add("an awsQuery request the stand-in could not decode: " + e);
            }
            reply(exchange, 400, error("Sender", "StandInCannotDecode", e.toString()));
        } finally {
            exchange.close();
        }
    }

    private static String describeProtocol(HttpExchange exchange, String contentType) {
        String path = exchange.getRequestURI().getPath();
        String smithy = exchange.getRequestHeaders().getFirst("Smithy-Protocol");
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (path.startsWith("/service/") || "rpc-v2-cbor".equals(smithy) || contentType.contains("cbor")) {
            return "Smithy RPC v2 CBOR (" + exchange.getRequestMethod() + " " + path + ", Content-Type " + contentType
                    + "); teach the stand-in to decode it before upgrading the SDK";
        }
        if (target != null) {
            return "AWS JSON (X-Amz-Target " + target + ", Content-Type " + contentType + ")";
        }
        return "an unknown protocol (" + exchange.getRequestMethod() + " " + path + ", Content-Type " + contentType + ")";
    }

    private void refuseProtocol(HttpExchange exchange, String description) throws IOException {
        synchronized (this) {
            protocolErrors.add(description);
        }
        // 400 with a non-retryable code: the SDK gives up at once and the test sees requests() fail.
        reply(exchange, 400, error("Sender", "StandInUnknownProtocol", description));
    }

    private static ReceivedRequest decode(Map<String, String> form, int rawBytes, int decodedBytes,
                                          String authorization) {
        Set<String> consumed = new TreeSet<>(List.of("Action", "Version", "Namespace"));
        List<ReceivedDatum> datums = new ArrayList<>();
        for (int n = 1; form.containsKey("MetricData.member." + n + ".MetricName"); n++) {
            String p = "MetricData.member." + n + ".";
            Map<String, String> dimensions = new LinkedHashMap<>();
            for (int m = 1; form.containsKey(p + "Dimensions.member." + m + ".Name"); m++) {
                String d = p + "Dimensions.member." + m + ".";
                dimensions.put(form.get(d + "Name"), form.get(d + "Value"));
                consumed.add(d + "Name");
                consumed.add(d + "Value");
            }
            if ("".equals(form.get(p + "Dimensions"))) {
                consumed.add(p + "Dimensions"); // awsQuery's spelling of an explicitly empty list
            }
            Map<String, Double> statistics = new LinkedHashMap<>();
            for (String s : List.of("SampleCount", "Sum", "Minimum", "Maximum")) {
                String key = p + "StatisticValues." + s;
                if (form.containsKey(key)) {
                    statistics.put(s, Double.parseDouble(form.get(key)));
                    consumed.add(key);
                }
            }
            String value = form.get(p + "Value");
            String timestamp = form.get(p + "Timestamp");
            String resolution = form.get(p + "StorageResolution");
            datums.add(new ReceivedDatum(form.get(p + "MetricName"),
                    value == null ? Double.NaN : Double.parseDouble(value), form.get(p + "Unit"),
                    timestamp == null ? null : Instant.parse(timestamp), dimensions,
                    resolution == null ? null : Integer.valueOf(resolution), statistics));
            for (String field : List.of("MetricName", "Value", "Unit", "Timestamp", "StorageResolution")) {
                consumed.add(p + field);
            }
        }
        Set<String> unknown = new TreeSet<>(form.keySet());
        unknown.removeAll(consumed);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("fields the stand-in does not know: " + unknown);
        }
        return new ReceivedRequest(form.get("Namespace"), List.copyOf(datums), rawBytes, decodedBytes, authorization);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>"
                + requestId() + "</RequestId></ErrorResponse>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String requestId() {
        return java.util.UUID.randomUUID().toString();
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
