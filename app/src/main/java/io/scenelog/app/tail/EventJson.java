package io.scenelog.app.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChange;
import io.scenelog.model.SceneEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The documented JSON form of a committed {@link SceneEvent} (docs/launcher.md, "tail output"): one object per
 * event, keys in a fixed order, times as ISO-8601 UTC with milliseconds, enums by symbol name, and components with
 * their absent (null) fields left out at every level. Analytics scripts parse these lines, so the shape is a
 * contract: add keys, never rename or remove them.
 */
public final class EventJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventJson() {
    }

    /** The event as one line of JSON (no line break). */
    public static String line(SceneEvent event) {
        try {
            return MAPPER.writeValueAsString(tree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + event.getActionId() + " of scene "
                    + event.getSceneId() + " as JSON", e);
        }
    }

    /** The event as a JSON tree. */
    public static ObjectNode tree(SceneEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("sceneId", event.getSceneId().toString());
        node.put("version", event.getVersion());
        node.put("actionId", event.getActionId().toString());
        ObjectNode emitter = node.putObject("emitter");
        emitter.put("clientId", event.getEmitter().getClientId());
        emitter.put("role", event.getEmitter().getRole().name());
        emitter.put("sessionId", event.getEmitter().getSessionId() == null ? null
                : event.getEmitter().getSessionId().toString());
        node.put("persisted", event.getPersisted());
        node.put("committedAt", time(event.getCommittedAt()));
        ArrayNode changes = node.putArray("changes");
        for (EntityChange change : event.getChanges()) {
            changes.add(change(change));
        }
        return node;
    }

    /** One entity change: entityId, kind, entityVersion, components, removed. */
    public static ObjectNode change(EntityChange change) {
        ObjectNode node = NODES.objectNode();
        node.put("entityId", change.getEntityId().toString());
        node.put("kind", change.getKind().name());
        node.put("entityVersion", change.getEntityVersion());
        node.set("components", components(change.getComponents()));
        ArrayNode removed = node.putArray("removed");
        change.getRemoved().forEach(kind -> removed.add(kind.name()));
        return node;
    }

    /** A set of components with absent (null) fields left out; an empty object when there are none. */
    public static ObjectNode components(Components components) {
        return components == null ? NODES.objectNode() : record(components);
    }

    /** An instant as {@code 2025-01-31T12:00:00.000Z}. */
    public static String time(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private static ObjectNode record(IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value != null) {
                node.set(field.name(), value(value));
            }
        }
        return node;
    }

    private static JsonNode value(Object value) {
        if (value instanceof IndexedRecord record) {
            return record(record);
        } else if (value instanceof Enum<?> symbol) {
            return NODES.textNode(symbol.name());
        } else if (value instanceof GenericEnumSymbol<?> symbol) {
            return NODES.textNode(symbol.toString());
        } else if (value instanceof Instant instant) {
            return NODES.textNode(time(instant));
        } else if (value instanceof Double number) {
            return NODES.numberNode(number);
        } else if (value instanceof Float number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return NODES.textNode(Base64.getEncoder().encodeToString(raw));
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(item == null ? NODES.nullNode() : value(item)));
            return array;
        } else if (value instanceof Map<?, ?> entries) {
            ObjectNode object = NODES.objectNode();
            entries.forEach((k, v) -> object.set(k.toString(), v == null ? NODES.nullNode() : value(v)));
            return object;
        }
        // UUIDs, Utf8 and strings: their text is their JSON form.
        return NODES.textNode(value.toString());
    }
}
