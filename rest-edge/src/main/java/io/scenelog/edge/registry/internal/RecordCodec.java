package io.scenelog.edge.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.edge.registry.internal.RegistryRecord.CompatibilityRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.IdWatermarkRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionTombstone;
import io.scenelog.edge.registry.internal.RegistryRecord.SubjectDeletedRecord;
import java.util.Optional;

/**
 * Encodes registry records as the JSON keys and values of Confluent's {@code _schemas} topic
 * ({@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and so on; a null value is a
 * tombstone), and decodes them strictly: anything that is not exactly a registry record is
 * refused rather than guessed at, so garbage can never assign an id.
 *
 * <p>{@code ID_WATERMARK} is Scenelog's own key type (Confluent's reader logs and skips unknown
 * key types); {@code NOOP} keys, which Confluent writes to probe the log, decode to nothing.
 */
public final class RecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A record as the log carries it. */
    public record EncodedRecord(String key, String value) {
    }

    /** Encodes a record; tombstones get a null value. */
    public EncodedRecord encode(RegistryRecord record) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        boolean tombstone = false;
        if (record instanceof SchemaVersionRecord r) {
            key.put("keytype", "SCHEMA").put("subject", r.subject()).put("version", r.version())
                    .put("magic", 1);
            value.put("subject", r.subject()).put("version", r.version()).put("id", r.id())
                    .put("schema", r.schema()).put("deleted", r.deleted());
        } else if (record instanceof SchemaVersionTombstone t) {
            key.put("keytype", "SCHEMA").put("subject", t.subject()).put("version", t.version())
                    .put("magic", 1);
            tombstone = true;
        } else if (record instanceof CompatibilityRecord c) {
            key.put("keytype", "CONFIG");
            if (!c.isGlobal()) {
                key.put("subject", c.subject());
            }
            key.put("magic", 0);
            tombstone = c.level() == null;
            if (!tombstone) {
                value.put("compatibilityLevel", c.level().name());
            }
        } else if (record instanceof SubjectDeletedRecord d) {
            key.put("keytype", "DELETE_SUBJECT").put("subject", d.subject()).put("magic", 0);
            value.put("subject", d.subject()).put("version", d.upToVersion());
        } else if (record instanceof IdWatermarkRecord w) {
            key.put("keytype", "ID_WATERMARK").put("magic", 0);
            value.put("maxId", w.maxId());
        }
        return new EncodedRecord(key.toString(), tombstone ? null : value.toString());
    }

    /**
     * Decodes a log record.
     *
     * @return the record, or empty for key types that carry no state ({@code NOOP})
     * @throws MalformedRecordException if key or value is not a well-formed registry record
     */
    public Optional<RegistryRecord> decode(String keyText, String valueText) {
        JsonNode key = object(keyText, "key");
        String keyType = text(key, "keytype", "key");
        JsonNode value = valueText == null ? null : object(valueText, "value");
        return Optional.ofNullable(switch (keyType) {
            case "SCHEMA" -> schema(key, value);
            case "CONFIG" -> compatibility(key, value);
            case "DELETE_SUBJECT" -> subjectDeleted(key, value);
            case "ID_WATERMARK" -> new IdWatermarkRecord(integer(required(value, keyType), "maxId"));
            case "NOOP" -> null;
            default -> throw new MalformedRecordException("Unknown key type '" + keyType + "'.");
        });
    }

    private static RegistryRecord schema(JsonNode key, JsonNode value) {
        String subject = text(key, "subject", "key");
        int version = integer(key, "version");
        if (value == null) {
            return new SchemaVersionTombstone(subject, version);
        }
        if (!subject.equals(text(value, "subject", "value")) || version != integer(value, "version")) {
            throw new MalformedRecordException("Schema value names subject '" + value.path("subject")
                    + "' version " + value.path("version") + " but its key names subject '" + subject
                    + "' version " + version + ".");
        }
        JsonNode type = value.get("schemaType");
        if (type != null && !type.isNull() && !RegisteredSchema.AVRO.equals(type.asText())) {
            throw new MalformedRecordException("Schema type '" + type.asText() + "' is not served.");
        }
        JsonNode references = value.get("references");
        if (references != null && !references.isNull() && !references.isEmpty()) {
            throw new MalformedRecordException("Schema references are not supported.");
        }
        JsonNode deleted = value.get("deleted");
        if (deleted != null && !deleted.isBoolean()) {
            throw new MalformedRecordException("Field 'deleted' of the value is not a boolean.");
        }
        return new SchemaVersionRecord(subject, version, integer(value, "id"),
                text(value, "schema", "value"), deleted != null && deleted.booleanValue());
    }

    private static RegistryRecord compatibility(JsonNode key, JsonNode value) {
        JsonNode subjectNode = key.get("subject");
        String subject = subjectNode == null || subjectNode.isNull() ? null
                : text(key, "subject", "key");
        if (value == null) {
            return new CompatibilityRecord(subject, null);
        }
        JsonNode level = value.get("compatibilityLevel");
        if (level == null || level.isNull()) {
            // Confluent writes config values that only set other options; no level means the default.
            return new CompatibilityRecord(subject, null);
        }
        try {
            return new CompatibilityRecord(subject, CompatibilityLevels.parse(level.asText()));
        } catch (InvalidCompatibilityLevelException e) {
            throw new MalformedRecordException(e.getMessage(), e);
        }
    }

    private static RegistryRecord subjectDeleted(JsonNode key, JsonNode value) {
        String subject = text(key, "subject", "key");
        JsonNode body = required(value, "DELETE_SUBJECT");
        if (!subject.equals(text(body, "subject", "value"))) {
            throw new MalformedRecordException("Delete-subject value names another subject than its key"
                    + " '" + subject + "'.");
        }
        return new SubjectDeletedRecord(subject, integer(body, "version"));
    }

    private static JsonNode required(JsonNode value, String keyType) {
        if (value == null) {
            throw new MalformedRecordException("A " + keyType + " record cannot be a tombstone.");
        }
        return value;
    }

    private static JsonNode object(String text, String part) {
        if (text == null) {
            throw new MalformedRecordException("The record has no " + part + ".");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("The " + part + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRecordException("The " + part + " is not a JSON object.");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String part) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedRecordException("Field '" + field + "' of the " + part
                    + " is missing or not a string.");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new MalformedRecordException("Field '" + field + "' is missing or not an int.");
        }
        return value.intValue();
    }
}
