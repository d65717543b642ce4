package io.scenelog.edge.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * An Avro schema as a client registered it: the text exactly as first sent, the parsed schema,
 * and its identity, the key by which the registry decides that two texts are the same schema.
 *
 * <p>The identity is Avro's own re-serialisation of the parsed schema with object keys sorted:
 * it ignores whitespace, key order and equivalent spellings ({@code "string"} versus
 * {@code {"type":"string"}}, inherited versus explicit namespaces), exactly like Avro's parsing
 * canonical form does. Unlike the parsing canonical form it keeps defaults, aliases, docs and
 * custom properties: those drop out of the parsing canonical form because they do not change
 * the binary encoding, but defaults and aliases decide schema resolution, so two texts that
 * differ in them must be two schemas (else adding a default to a field would return the old id
 * and the registry would check compatibility against a schema without the default).
 */
public final class RegisteredSchema {

    /** The only schema type this registry serves. */
    public static final String AVRO = "AVRO";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final Schema schema;
    private final String identity;

    private RegisteredSchema(String text, Schema schema, String identity) {
        this.text = text;
        this.schema = schema;
        this.identity = identity;
    }

    /**
     * Parses an Avro schema text.
     *
     * @throws InvalidSchemaException with Avro's parse error when the text is not a valid schema
     */
    public static RegisteredSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema: the request has no schema text.");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            // Parse errors, undefined names and bad defaults are all AvroRuntimeExceptions; some
            // malformed shapes (e.g. a field without a name) surface as NPE/IAE.
            throw new InvalidSchemaException("Invalid schema " + abbreviate(text) + ": " + e.getMessage(), e);
        }
        return new RegisteredSchema(text, schema, identityOf(schema));
    }

    /** Checks that a request's {@code schemaType} is one this registry serves. */
    public static void requireSupportedType(String schemaType) {
        if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType)) {
            throw new InvalidSchemaException("Unsupported schema type '" + schemaType
                    + "': this registry serves AVRO schemas only.");
        }
    }

    /** The schema text exactly as first registered. */
    public String text() {
        return text;
    }

    /** The parsed Avro schema. */
    public Schema schema() {
        return schema;
    }

    /** The key under which equivalent texts are one schema. */
    public String identity() {
        return identity;
    }

    /** Whether both texts are the same schema. */
    public boolean sameSchemaAs(RegisteredSchema other) {
        return identity.equals(other.identity);
    }

    private static String identityOf(Schema schema) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(schema.toString())));
        } catch (JsonProcessingException e) {
            // Avro wrote this JSON itself; failing to read it back is a bug, not bad input.
            throw new IllegalStateException("Avro produced unreadable JSON for schema "
                    + schema.getFullName(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JSON.createArrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisteredSchema other && text.equals(other.text)
                && identity.equals(other.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, identity);
    }

    @Override
    public String toString() {
        return "RegisteredSchema[" + schema.getFullName() + "]";
    }
}
