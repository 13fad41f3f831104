package io.connwatch.runner.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EC2 instance metadata service, IMDSv2 only, on 127.0.0.1 for tests. As the real service: {@code PUT
 * /latest/api/token} needs {@code X-aws-ec2-metadata-token-ttl-seconds} (1 to 21600) and answers a token with the
 * TTL header echoed; a {@code GET} without a valid {@code X-aws-ec2-metadata-token} gets 401; an unknown path 404.
 */
public final class ImdsStandIn implements AutoCloseable {

    static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Map<String, String> paths;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger getRequests = new AtomicInteger();
    private final AtomicInteger refusedGets = new AtomicInteger();

    /** @param paths the metadata: path (such as {@code /latest/meta-data/instance-id}) to answer */
    public ImdsStandIn(Map<String, String> paths) throws IOException {
        this(paths, 0);
    }

    /**
     * @param paths the metadata
     * @param port  the port to serve on, 0 for any
     */
    public ImdsStandIn(Map<String, String> paths, int port) throws IOException {
        this.paths = Map.copyOf(paths);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int getRequests() {
        return getRequests.get();
    }

    /** GETs answered 401 for want of a valid token. */
    public int refusedGets() {
        return refusedGets.get();
    }

    public int requests() {
        return tokenRequests() + getRequests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("PUT") && path.equals("/latest/api/token")) {
                tokenRequests.incrementAndGet();
                String ttl = exchange.getRequestHeaders().getFirst(TTL_HEADER);
                int seconds;
                try {
                    seconds = ttl == null ? 0 : Integer.parseInt(ttl.trim());
                } catch (NumberFormatException e) {
                    seconds = 0;
                }
                if (seconds < 1 || seconds > 21600) {
                    reply(exchange, 400, "Bad Request", null);
                    return;
                }
                String token = "AQAEAtoken-" + tokenRequests.get() + "-" + System.nanoTime();
                tokens.add(token);
                reply(exchange, 200, token, Integer.toString(seconds));
            } else if (exchange.getRequestMethod().equals("GET")) {
                getRequests.incrementAndGet();
                String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
                if (token == null || !tokens.contains(token)) {
                    refusedGets.incrementAndGet();
                    reply(exchange, 401, "Unauthorized", null);
                    return;
                }
                String value = paths.get(path);
                if (value == null) {
                    reply(exchange, 404, "Not Found", null);
                } else {
                    reply(exchange, 200, value, null);
                }
            } else {
                reply(exchange, 405, "Method Not Allowed", null);
            }
        } finally {
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body, String ttl) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        if (ttl != null) {
            exchange.getResponseHeaders().set(TTL_HEADER, ttl);
        }
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
