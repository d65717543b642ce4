package io.scenelog.edge.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.edge.http.Access;
import io.scenelog.edge.http.ApiJson;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the API's resources (see the OpenAPI document's schemas of the same names). */
final class ResourceJson {

    private ResourceJson() {
    }

    /** {@code Scene}: the record plus the current version and entity count and its live sessions. */
    static ObjectNode scene(SceneRecord scene, long version, long entityCount, List<SessionRecord> liveSessions) {
        ObjectNode json = ApiJson.object();
        json.put("id", scene.getSceneId().toString());
        json.put("name", scene.getName());
        ObjectNode settings = json.putObject("settings");
        for (Map.Entry<String, String> setting : scene.getSettings().entrySet()) {
            settings.put(setting.getKey(), setting.getValue());
        }
        json.put("status", scene.getStatus().name());
        json.put("version", version);
        json.put("entityCount", entityCount);
        ArrayNode sessions = json.putArray("sessions");
        for (SessionRecord session : liveSessions) {
            ObjectNode summary = sessions.addObject();
            summary.put("id", session.getSessionId().toString());
            summary.put("mode", lower(session.getMode().name()));
            summary.put("status", lower(session.getStatus().name()));
            summary.put("clients", session.getClients().size());
        }
        json.put("createdAt", scene.getCreatedAt().toString());
        json.put("updatedAt", scene.getUpdatedAt().toString());
        return json;
    }

    /** {@code Session}. */
    static ObjectNode session(SessionRecord session) {
        ObjectNode json = ApiJson.object();
        json.put("id", session.getSessionId().toString());
        json.put("sceneId", session.getSceneId().toString());
        json.put("mode", lower(session.getMode().name()));
        json.put("status", lower(session.getStatus().name()));
        json.put("nodeId", session.getNodeId());
        ArrayNode clients = json.putArray("clients");
        session.getClients().forEach(client -> clients.add(client(client)));
        json.put("createdAt", session.getCreatedAt().toString());
        json.put("updatedAt", session.getUpdatedAt().toString());
        json.put("endReason", session.getEndReason());
        return json;
    }

    /** {@code SessionClient}. */
    static ObjectNode client(SessionClient client) {
        ObjectNode json = ApiJson.object();
        json.put("clientId", client.getClientId());
        json.put("role", Access.name(client.getRole()));
        json.put("headless", client.getHeadless());
        json.put("joinedAt", client.getJoinedAt().toString());
        return json;
    }

    /** {@code Asset}. */
    static ObjectNode asset(AssetRecord asset) {
        ObjectNode json = ApiJson.object();
        json.put("id", asset.getAssetId().toString());
        json.put("sha256", asset.getSha256());
        json.put("kind", lower(asset.getKind().name()));
        json.put("mediaType", asset.getMediaType());
        json.put("sizeBytes", asset.getSizeBytes());
        json.put("name", asset.getName());
        json.put("sceneId", asset.getSceneId() == null ? null : asset.getSceneId().toString());
        ArrayNode dependencies = json.putArray("dependencies");
        asset.getDependencies().forEach(dependencies::add);
        if (asset.getSummary() == null) {
            json.putNull("summary");
        } else {
            ObjectNode summary = json.putObject("summary");
            summary.put("meshes", asset.getSummary().getMeshes());
            summary.put("materials", asset.getSummary().getMaterials());
            summary.put("triangles", asset.getSummary().getTriangles());
            summary.put("textures", asset.getSummary().getTextures());
        }
        json.put("uploadedBy", asset.getUploadedBy());
        json.put("uploadedAt", asset.getUploadedAt().toString());
        return json;
    }

    /** {@code ApiKey}: never the secret or its hash. */
    static ObjectNode apiKey(ApiKeyRecord key) {
        ObjectNode json = ApiJson.object();
        json.put("id", key.getKeyId().toString());
        json.put("name", key.getName());
        json.put("role", Access.name(key.getRole()));
        json.put("scene", key.getSceneId() == null ? null : key.getSceneId().toString());
        json.put("createdAt", key.getCreatedAt().toString());
        json.put("createdBy", key.getCreatedBy());
        return json;
    }

    /** Whether a session still runs (anything but ENDED). */
    static boolean live(SessionRecord session) {
        return session.getStatus() != SessionStatus.ENDED;
    }

    static String lower(String symbol) {
        return symbol.toLowerCase(Locale.ROOT);
    }
}
