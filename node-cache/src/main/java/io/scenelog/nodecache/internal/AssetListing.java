package io.scenelog.nodecache.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the platform's asset listing ({@code GET /assets}, every page) into the blobs a scene may use: for each
 * asset, its content and each of its dependencies, with the REST path that serves them.
 */
public final class AssetListing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 500;

    private final Upstream upstream;
    private final Backoff backoff;

    public AssetListing(Upstream upstream, Backoff backoff) {
        this.upstream = upstream;
        this.backoff = backoff;
    }

    /** The blobs of the shared assets and of the scene's assets, by SHA-256. */
    public Map<String, BlobRef> blobsOf(UUID sceneId) throws IOException {
        Map<String, BlobRef> blobs = new LinkedHashMap<>();
        // The scene's own assets, then the shared ones (no sceneId): the listing of every asset is filtered to them
        // because the REST API lists shared assets only together with all others.
        collect("/assets?sceneId=" + sceneId, blobs, true);
        collect("/assets", blobs, false);
        return blobs;
    }

    private void collect(String path, Map<String, BlobRef> blobs, boolean all) throws IOException {
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = backoff.call("the asset listing " + page, () -> fetchPage(page));
            for (JsonNode asset : body.path("items")) {
                if (all || asset.path("sceneId").isNull() || asset.path("sceneId").isMissingNode()) {
                    add(asset, blobs);
                }
            }
            JsonNode next = body.path("nextCursor");
            cursor = next.isTextual() ? next.asText() : null;
        } while (cursor != null);
    }

    private JsonNode fetchPage(String page) throws IOException {
        try (InputStream in = upstream.get(page)) {
            JsonNode body = JSON.readTree(in);
            if (body == null || !body.path("items").isArray()) {
                throw new UpstreamFailure("The asset listing " + upstream.resolve(page) + " is not an AssetPage", null);
            }
            return body;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UpstreamFailure("The asset listing " + upstream.resolve(page) + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static void add(JsonNode asset, Map<String, BlobRef> blobs) {
        String id = asset.path("id").asText();
        String sha = asset.path("sha256").asText();
        if (!isUuid(id) || !Sha256Hex.isValid(sha)) {
            return;
        }
        blobs.putIfAbsent(sha, new BlobRef(sha, asset.path("sizeBytes").asLong(-1), "/assets/" + id + "/content"));
        for (JsonNode dependency : asset.path("dependencies")) {
            String dep = dependency.asText();
            if (Sha256Hex.isValid(dep)) {
                blobs.putIfAbsent(dep, new BlobRef(dep, -1, "/assets/" + id + "/blobs/" + dep));
            }
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
