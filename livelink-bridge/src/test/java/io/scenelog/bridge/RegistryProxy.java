package io.scenelog.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A schema registry in front of the real one that can stop serving one record's schema (answering 503, as an
 * overloaded or restarting registry does), to show what a bridge does while the registry cannot be asked.
 */
final class RegistryProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] UNAVAILABLE = "{\"error_code\":50302,\"message\":\"the registry is restarting\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final URI target;
    private final String withheldRecord;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean withholding = new AtomicBoolean(true);
    private final AtomicInteger refused = new AtomicInteger();

    private RegistryProxy(URI target, String withheldRecord) throws IOException {
        this.target = target;
        this.withheldRecord = withheldRecord;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts a proxy of the registry at {@code target} that answers 503 to every lookup of the schema of the record
     * named {@code withheldRecord} (full name) until {@link #heal()}.
     */
    static RegistryProxy withholding(String target, String withheldRecord) {
        try {
            return new RegistryProxy(URI.create(target), withheldRecord);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's URL, for a bridge's settings. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many lookups it answered 503. */
    int refused() {
        return refused.get();
    }

    /** Serves every schema from now on. */
    void heal() {
        withholding.set(false);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            copyHeader(exchange, request, "Content-Type");
            copyHeader(exchange, request, "Accept");
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (withholding.get() && exchange.getRequestMethod().equals("GET") && response.statusCode() == 200
                    && describesWithheld(response.body())) {
                refused.incrementAndGet();
                answer(exchange, 503, UNAVAILABLE);
                return;
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean describesWithheld(byte[] body) {
        try {
            JsonNode schema = JSON.readTree(body).get("schema");
            return schema != null && schema.isTextual()
                    && new Schema.Parser().parse(schema.asText()).getFullName().equals(withheldRecord);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void copyHeader(HttpExchange exchange, HttpRequest.Builder request, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
            request.header(name, value);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
