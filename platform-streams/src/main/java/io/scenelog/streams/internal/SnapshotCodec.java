package io.scenelog.streams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.topics.Topics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The body of the instance-to-instance query endpoint: JSON holding each record in the Confluent wire format
 * (base64), exactly as on the {@code scenes} and {@code scene-state} topics, so instances on different schema
 * versions read each other through the registry like any consumer does.
 */
final class SnapshotCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer<SceneRecord> sceneWriter;
    private final Deserializer<SceneRecord> sceneReader;
    private final Serializer<EntityState> entityWriter;
    private final Deserializer<EntityState> entityReader;

    SnapshotCodec(SchemaRegistryClient registry) {
        sceneWriter = Topics.SCENES.valueSerde(registry).serializer();
        sceneReader = Topics.SCENES.valueSerde(registry).deserializer();
        entityWriter = Topics.SCENE_STATE.valueSerde(registry).serializer();
        entityReader = Topics.SCENE_STATE.valueSerde(registry).deserializer();
    }

    byte[] snapshot(SceneSnapshot snapshot) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("scene", encode(sceneWriter.serialize(Topics.SCENES.name(), snapshot.scene())));
        ArrayNode entities = body.putArray("entities");
        for (EntityState entity : snapshot.entities()) {
            entities.add(encode(entityWriter.serialize(Topics.SCENE_STATE.name(), entity)));
        }
        return JSON.writeValueAsBytes(body);
    }

    SceneSnapshot snapshot(byte[] json) throws IOException {
        JsonNode body = JSON.readTree(json);
        SceneRecord scene = sceneReader.deserialize(Topics.SCENES.name(), decode(body.path("scene")));
        List<EntityState> entities = new ArrayList<>();
        for (JsonNode entity : body.path("entities")) {
            entities.add(entityReader.deserialize(Topics.SCENE_STATE.name(), decode(entity)));
        }
        return new SceneSnapshot(scene, entities);
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

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(JsonNode node) throws IOException {
        if (!node.isTextual()) {
            throw new IOException("Expected a base64 record in the query response, got " + node);
        }
        return Base64.getDecoder().decode(node.asText());
    }
}
