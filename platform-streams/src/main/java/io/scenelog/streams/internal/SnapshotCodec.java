package io.scenelog.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The body of the instance-to-instance query endpoint: JSON holding each record in the Confluent wire format
 * (base64), exactly as on the {@code scenes}, {@code scene-state} and {@code session-state} topics, so instances on
 * different schema versions read each other through the registry like any consumer does. A malformed body is an
 * {@link IOException}.
 */
final class SnapshotCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer<SceneRecord> sceneWriter;
    private final Deserializer<SceneRecord> sceneReader;
    private final Serializer<EntityState> entityWriter;
    private final Deserializer<EntityState> entityReader;
    private final Serializer<EntityState> overlayWriter;
    private final Deserializer<EntityState> overlayReader;

    SnapshotCodec(SchemaRegistryClient registry) {
        sceneWriter = Topics.SCENES.valueSerde(registry).serializer();
        sceneReader = Topics.SCENES.valueSerde(registry).deserializer();
        entityWriter = Topics.SCENE_STATE.valueSerde(registry).serializer();
        entityReader = Topics.SCENE_STATE.valueSerde(registry).deserializer();
        overlayWriter = Topics.SESSION_STATE.valueSerde(registry).serializer();
        overlayReader = Topics.SESSION_STATE.valueSerde(registry).deserializer();
    }

    /** {@code {"scene": record, "entities": [record...]}}. */
    byte[] snapshot(SceneSnapshot snapshot) throws IOException {
        return JSON.writeValueAsBytes(snapshotNode(snapshot));
    }

    SceneSnapshot snapshot(byte[] json) throws IOException {
        return snapshot(JSON.readTree(json));
    }

    /** A scene snapshot's fields plus {@code "sessionId": uuid, "overlay": [record...]}. */
    byte[] session(SessionSnapshot session) throws IOException {
        ObjectNode body = snapshotNode(session.scene());
        body.put("sessionId", session.sessionId().toString());
        ArrayNode overlay = body.putArray("overlay");
        for (EntityState entity : session.overlay()) {
            overlay.add(encode(overlayWriter.serialize(Topics.SESSION_STATE.name(), entity)));
        }
        return JSON.writeValueAsBytes(body);
    }

    SessionSnapshot session(byte[] json) throws IOException {
        JsonNode body = JSON.readTree(json);
        UUID sessionId = uuid(body.path("sessionId"));
        List<EntityState> overlay = new ArrayList<>();
        for (JsonNode entity : array(body, "overlay")) {
            overlay.add(overlayReader.deserialize(Topics.SESSION_STATE.name(), decode(entity)));
        }
        try {
            return new SessionSnapshot(snapshot(body), sessionId, overlay);
        } catch (IllegalArgumentException e) {
            throw new IOException("The session in the query response is inconsistent: " + e.getMessage(), e);
        }
    }

    /** {@code {"version": n}}. */
    byte[] version(long version) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", version);
        return JSON.writeValueAsBytes(body);
    }

    long version(byte[] json) throws IOException {
        JsonNode version = JSON.readTree(json).path("version");
        if (!version.isIntegralNumber() || !version.canConvertToLong()) {
            throw new IOException("Expected an integral scene version in the query response, got " + version);
        }
        return version.asLong();
    }

    byte[] entity(EntityState entity) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("entity", encode(entityWriter.serialize(Topics.SCENE_STATE.name(), entity)));
        return JSON.writeValueAsBytes(body);
    }

    EntityState entity(byte[] json) throws IOException {
        return entityReader.deserialize(Topics.SCENE_STATE.name(), decode(JSON.readTree(json).path("entity")));
    }

    static byte[] error(String code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", code);
        body.put("message", message);
        return JSON.writeValueAsBytes(body);
    }

    private ObjectNode snapshotNode(SceneSnapshot snapshot) {
        ObjectNode body = JSON.createObjectNode();
        body.put("scene", encode(sceneWriter.serialize(Topics.SCENES.name(), snapshot.scene())));
        ArrayNode entities = body.putArray("entities");
        for (EntityState entity : snapshot.entities()) {
            entities.add(encode(entityWriter.serialize(Topics.SCENE_STATE.name(), entity)));
        }
        return body;
    }

    private SceneSnapshot snapshot(JsonNode body) throws IOException {
        SceneRecord scene = sceneReader.deserialize(Topics.SCENES.name(), decode(body.path("scene")));
        List<EntityState> entities = new ArrayList<>();
        for (JsonNode entity : array(body, "entities")) {
            entities.add(entityReader.deserialize(Topics.SCENE_STATE.name(), decode(entity)));
        }
        return new SceneSnapshot(scene, entities);
    }

    private static JsonNode array(JsonNode body, String field) throws IOException {
        JsonNode array = body.path(field);
        if (!array.isArray()) {
            throw new IOException("Expected an array '" + field + "' in the query response, got " + array);
        }
        return array;
    }

    private static UUID uuid(JsonNode node) throws IOException {
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("Expected a UUID in the query response, got " + node, e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(JsonNode node) throws IOException {
        if (!node.isTextual()) {
            throw new IOException("Expected a base64 record in the query response, got " + node);
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("Expected a base64 record in the query response: " + e.getMessage(), e);
        }
    }
}
