package io.scenelog.edge.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.scenelog.edge.assets.AssetIngestor;
import io.scenelog.edge.assets.AssetRejectedException;
import io.scenelog.edge.assets.BlobStore;
import io.scenelog.edge.assets.IngestedAsset;
import io.scenelog.edge.http.Access;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.edge.http.Caller;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /assets}: uploads are validated and stored by content (sha-256) under server-generated names, described by
 * an {@link AssetRecord} on the {@code assets} topic; reads check that the caller's token may see the asset's scene
 * (shared assets are visible to every token). Anything the caller may not see answers 404.
 */
final class AssetRoutes {

    private static final String MULTIPART = "multipart/form-data";
    private static final int MAX_NAME_LENGTH = 200;

    private final Platform platform;
    private final Guard guard;
    private final BlobStore blobs;
    private final AssetIngestor ingestor;

    AssetRoutes(Platform platform, Guard guard, BlobStore blobs, AssetIngestor ingestor) {
        this.platform = platform;
        this.guard = guard;
        this.blobs = blobs;
        this.ingestor = ingestor;
    }

    void mount(RoutesConfig routes) {
        routes.post("/assets", guard.authenticated(this::upload));
        routes.get("/assets", guard.authenticated(this::list));
        routes.get("/assets/{assetId}", guard.authenticated(this::get));
        routes.get("/assets/{assetId}/content", guard.authenticated(this::content));
        routes.get("/assets/{assetId}/blobs/{sha256}", guard.authenticated(this::dependency));
    }

    private void upload(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.EDITOR);
        Access.requireNoSessionScope(caller);
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MULTIPART)) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Upload assets as multipart/form-data with a"
                    + " 'file' part (and optionally a 'sceneId' part)");
        }
        UploadedFile file = MultipartParts.file(ctx, "file");
        UUID sceneId = MultipartParts.uuid(ctx, "sceneId").orElse(null);
        if (sceneId == null && caller.claims().scene().isPresent()) {
            throw ApiException.forbidden("A token limited to a scene uploads to that scene only: send its id as"
                    + " 'sceneId'");
        }
        if (sceneId != null) {
            Access.requireScene(caller, sceneId);
            if (platform.activeScene(sceneId).isEmpty()) {
                throw ApiException.notFound("No scene " + sceneId);
            }
        }
        IngestedAsset ingested = ingest(file);
        AssetRecord record = AssetRecord.newBuilder()
                .setAssetId(UUID.randomUUID())
                .setSha256(ingested.sha256())
                .setKind(ingested.kind())
                .setMediaType(ingested.mediaType())
                .setSizeBytes(ingested.sizeBytes())
                .setName(displayName(file.filename()))
                .setSceneId(sceneId)
                .setDependencies(ingested.dependencies())
                .setSummary(ingested.summary().orElse(null))
                .setUploadedBy(caller.subject())
                .setUploadedAt(platform.clock().instant())
                .build();
        platform.gateway().write(record);
        platform.catchUp(platform.assets());
        ctx.header("Location", "/assets/" + record.getAssetId());
        ApiJson.write(ctx, 201, ResourceJson.asset(record));
    }

    private void list(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        Optional<UUID> sceneId = Requests.uuidQuery(ctx, "sceneId");
        sceneId.ifPresent(id -> Access.requireScene(caller, id));
        List<AssetRecord> visible = platform.assets().values().stream()
                .filter(asset -> Access.canSee(caller, asset.getSceneId()))
                .filter(asset -> sceneId.map(id -> id.equals(asset.getSceneId())).orElse(true))
                .toList();
        ApiJson.write(ctx, 200, PageJson.page(ctx, visible,
                asset -> asset.getUploadedAt().toEpochMilli() + "/" + asset.getAssetId(), ResourceJson::asset));
    }

    private void get(Context ctx, Caller caller) {
        ApiJson.write(ctx, 200, ResourceJson.asset(visibleAsset(ctx, caller)));
    }

    private void content(Context ctx, Caller caller) {
        AssetRecord asset = visibleAsset(ctx, caller);
        send(ctx, asset.getSha256(), asset.getMediaType());
    }

    private void dependency(Context ctx, Caller caller) {
        AssetRecord asset = visibleAsset(ctx, caller);
        String sha256 = ctx.pathParam("sha256");
        if (!asset.getDependencies().contains(sha256)) {
            throw ApiException.notFound("Asset " + asset.getAssetId() + " has no dependency " + abbreviate(sha256));
        }
        send(ctx, sha256, "application/octet-stream");
    }

    private AssetRecord visibleAsset(Context ctx, Caller caller) {
        Access.requireRole(caller, Role.VIEWER);
        UUID assetId = Requests.uuidParam(ctx, "assetId");
        return platform.assets().get(assetId.toString())
                .filter(asset -> Access.canSee(caller, asset.getSceneId()))
                .orElseThrow(() -> ApiException.notFound("No asset " + assetId));
    }

    private void send(Context ctx, String sha256, String mediaType) {
        try {
            InputStream content = blobs.open(sha256);
            ctx.header("ETag", "\"" + sha256 + "\"");
            ctx.status(200).contentType(mediaType).result(content);
        } catch (IOException e) {
            throw ApiException.unavailable("The blob store cannot read blob " + sha256 + ": " + e.getMessage());
        }
    }

    private IngestedAsset ingest(UploadedFile file) {
        try (InputStream content = file.content()) {
            return ingestor.ingest(content, file.filename());
        } catch (AssetRejectedException e) {
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put("rule", e.rule());
            ErrorCode code = switch (e.problem()) {
                case PAYLOAD_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                case INVALID_ASSET -> ErrorCode.INVALID_ASSET;
            };
            throw new ApiException(code, e.getMessage(), details);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an upload", e);
        }
    }

    /** The uploaded file name, for display only (it never names a file on disk). */
    private static String displayName(String filename) {
        String name = filename == null ? "" : filename.replaceAll("[\\p{Cntrl}]", "").strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty()) {
            return "unnamed";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
