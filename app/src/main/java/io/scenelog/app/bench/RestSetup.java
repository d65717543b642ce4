package io.scenelog.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares the benchmark through the API itself, the way an integrator would: the admin key buys a token, the admin
 * creates the scene and one editor API key per client (the API rate-limits per principal, so clients must not share
 * one), each key buys a token, and the clients create their own entities concurrently.
 */
final class RestSetup {

    /** The longest token the API mints (24 h): no token runs out during a run. */
    private static final int TOKEN_TTL_SECONDS = 86_400;

    private final ApiHttp http;

    RestSetup(ApiHttp http) {
        this.http = http;
    }

    RestScene prepare(String adminKey, int clients, int entities) throws InterruptedException {
        String admin = token(adminKey);
        UUID sceneId = UUID.fromString(http.expect(201, http.request("POST", "scenes",
                ApiHttp.json(Map.of("name", "bench-rest"))).header("Authorization", "Bearer " + admin).build())
                .get("id").asText());
        List<List<UUID>> owned = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            owned.add(new ArrayList<>());
        }
        List<UUID> all = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            UUID entity = UUID.randomUUID();
            all.add(entity);
            owned.get(e % clients).add(entity);
        }
        List<RestScene.Client> loadClients = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String name = String.format(Locale.ROOT, "bench-client-%04d", c);
            loadClients.add(new RestScene.Client(name, token(apiKey(admin, name)), owned.get(c)));
        }
        RestScene.Client peer = new RestScene.Client("bench-peer", token(apiKey(admin, "bench-peer")), List.of());
        createEntities(sceneId, loadClients);
        return new RestScene(sceneId, all, loadClients, peer);
    }

    /** An editor API key (the role of the load), created by the admin. */
    private String apiKey(String adminToken, String name) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("role", "editor");
        return http.expect(201, http.request("POST", "api-keys", ApiHttp.json(body))
                .header("Authorization", "Bearer " + adminToken).build()).get("key").asText();
    }

    private String token(String apiKey) throws InterruptedException {
        return http.expect(201, http.request("POST", "tokens", ApiHttp.json(Map.of("ttlSeconds", TOKEN_TTL_SECONDS)))
                .header("X-Api-Key", apiKey).build()).get("token").asText();
    }

    /** Each client creates its own entities, all clients at once. */
    private void createEntities(UUID sceneId, List<RestScene.Client> clients) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Void>> creations = new ArrayList<>();
            for (RestScene.Client client : clients) {
                creations.add(pool.submit(() -> {
                    for (UUID entity : client.entities()) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("id", entity.toString());
                        body.put("components", Map.of("name", "bench-" + entity.toString().substring(0, 8),
                                "transform", Transforms.at(0)));
                        http.expect(201, http.request("POST", "scenes/" + sceneId + "/entities",
                                ApiHttp.json(body)).header("Authorization", "Bearer " + client.token()).build());
                    }
                    return null;
                }));
            }
            for (Future<Void> creation : creations) {
                creation.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ApiHttp.SetupFailedException("Creating the benchmark's entities failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
