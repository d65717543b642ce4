package io.scenelog.nodecache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scenelog.nodecache.internal.Sha256Hex;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 that answers the asset paths of the platform's REST API as the OpenAPI document
 * describes them (listing with paging, content, dependency blobs), checks the bearer token, counts requests, and
 * can fail, corrupt or slow its answers on demand.
 */
final class TestUpstream implements AutoCloseable {

    static final String TOKEN = "node-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2;

    private final HttpServer server;
    private final List<Asset> assets = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> blobRequests = new ConcurrentHashMap<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile boolean corrupt;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch firstBody = new CountDownLatch(1);

    TestUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Random bytes, a new blob. */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        var digest = Sha256Hex.newDigest();
        digest.update(bytes);
        return Sha256Hex.hex(digest);
    }

    /** Adds an asset of a scene (null: shared) with its content and dependencies; returns its content's sha. */
    String addAsset(UUID sceneId, byte[] content, byte[]... dependencies) {
        String sha = sha256(content);
        blobs.put(sha, content);
        List<String> deps = new ArrayList<>();
        for (byte[] dependency : dependencies) {
            String dep = sha256(dependency);
            blobs.put(dep, dependency);
            deps.add(dep);
        }
        assets.add(new Asset(UUID.randomUUID(), sha, content.length, sceneId, deps));
        return sha;
    }

    int requestsFor(String sha) {
        return blobRequests.getOrDefault(sha, new AtomicInteger()).get();
    }

    int listings() {
        return listings.get();
    }

    /** The next n blob requests answer this status. */
    void failNext(int n, int status) {
        failureStatus = status;
        failuresToServe.set(n);
    }

    void corruptAnswers(boolean value) {
        corrupt = value;
    }

    /** Blob answers send their first half, then wait until the gate opens, so that other requests overlap. */
    void holdBodiesUntil(CountDownLatch value) {
        gate = value;
    }

    /** Waits until a blob answer has started. */
    boolean awaitFirstBody(long seconds) throws InterruptedException {
        return firstBody.await(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.equals("/assets")) {
                listings.incrementAndGet();
                answer(exchange, 200, listing(exchange.getRequestURI().getQuery()));
            } else if (parts.length == 4 && parts[3].equals("content")) {
                serve(exchange, find(parts[2]).map(Asset::sha256).orElse(null));
            } else if (parts.length == 5 && parts[3].equals("blobs")) {
                String sha = parts[4];
                serve(exchange, find(parts[2]).filter(asset -> asset.dependencies.contains(sha)).map(a -> sha)
                        .orElse(null));
            } else {
                answer(exchange, 404, new byte[0]);
            }
        }
    }

    private java.util.Optional<Asset> find(String id) {
        return assets.stream().filter(asset -> asset.id.toString().equals(id)).findFirst();
    }

    private void serve(HttpExchange exchange, String sha) throws IOException {
        if (sha == null) {
            answer(exchange, 404, "{\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        blobRequests.computeIfAbsent(sha, key -> new AtomicInteger()).incrementAndGet();
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, failureStatus, "{\"code\":\"UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] content = blobs.get(sha).clone();
        if (corrupt) {
            content[content.length / 2] ^= 0x55;
        }
        exchange.getResponseHeaders().add("ETag", "\"" + sha + "\"");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            int half = content.length / 2;
            out.write(content, 0, half);
            out.flush();
            firstBody.countDown();
            awaitGate();
            out.write(content, half, content.length - half);
        }
    }

    private void awaitGate() throws IOException {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IOException("The test never opened the gate of the blob answers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while holding a blob answer", e);
        }
    }

    private byte[] listing(String query) throws IOException {
        Map<String, String> params = new java.util.HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        List<Asset> selected = assets.stream()
                .filter(asset -> !params.containsKey("sceneId")
                        || params.get("sceneId").equals(String.valueOf(asset.sceneId)))
                .toList();
        int from = Integer.parseInt(params.getOrDefault("cursor", "0"));
        int to = Math.min(selected.size(), from + PAGE);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        for (Asset asset : selected.subList(from, to)) {
            ObjectNode item = items.addObject();
            item.put("id", asset.id.toString());
            item.put("sha256", asset.sha256);
            item.put("sizeBytes", asset.size);
            item.put("sceneId", asset.sceneId == null ? null : asset.sceneId.toString());
            asset.dependencies.forEach(item.putArray("dependencies")::add);
        }
        page.put("nextCursor", to < selected.size() ? Integer.toString(to) : null);
        return JSON.writeValueAsBytes(page);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private record Asset(UUID id, String sha256, long size, UUID sceneId, List<String> dependencies) {
    }
}
