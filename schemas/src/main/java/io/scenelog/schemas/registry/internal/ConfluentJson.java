package io.scenelog.schemas.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.schemas.registry.IncompatibleSchemaException;
import io.scenelog.schemas.registry.InvalidSchemaException;
import io.scenelog.schemas.registry.RegisteredSchema;
import io.scenelog.schemas.registry.RegistryErrorCodes;
import io.scenelog.schemas.registry.SchemaNotFoundException;
import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.schemas.registry.SubjectNotFoundException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The JSON bodies of the Confluent Schema Registry REST API: what the client sends, what it reads
 * back, and the mapping of error bodies to typed exceptions.
 */
public final class ConfluentJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The error code of a failure that came with no Confluent error body. */
  private static final int NO_ERROR_CODE = 0;

  private final String registry;

  /** Creates the codec for the registry at {@code registry} (named in every exception). */
  public ConfluentJson(String registry) {
    this.registry = registry;
  }

  /** The body of {@code POST /subjects/{s}/versions} and {@code POST /subjects/{s}}. */
  public String schemaRequest(Schema schema) {
    ObjectNode body = MAPPER.createObjectNode();
    // Confluent's default schema type is AVRO; leaving schemaType out keeps old registries happy.
    body.put("schema", schema.toString());
    return body.toString();
  }

  /** Reads {@code {"id":N}}. */
  public int id(String request, String body) {
    return requiredInt(request, parse(request, body), "id");
  }

  /** Reads {@code {"schema":"..."}}. */
  public Schema schema(String request, String body) {
    return parseSchema(request, requiredText(request, parse(request, body), "schema"));
  }

  /** Reads {@code {"subject":..,"version":..,"id":..,"schema":".."}}. */
  public RegisteredSchema registeredSchema(String request, String body) {
    JsonNode node = parse(request, body);
    return new RegisteredSchema(
        requiredText(request, node, "subject"),
        requiredInt(request, node, "version"),
        requiredInt(request, node, "id"),
        parseSchema(request, requiredText(request, node, "schema")));
  }

  /**
   * Maps an error answer to the exception for its condition. A body that is not a Confluent error
   * (a proxy's HTML page, say) keeps the HTTP status as its error code.
   */
  public SchemaRegistryException error(String request, int status, String body) {
    int code = status;
    String detail = body == null ? "" : body.strip();
    try {
      JsonNode node = MAPPER.readTree(detail);
      if (node != null && node.path("error_code").isInt()) {
        code = node.get("error_code").intValue();
        detail = node.path("message").asText("");
      }
    } catch (JsonProcessingException notJson) {
      // Not a Confluent error body: the raw text (shortened) is the best detail there is.
      detail = detail.length() > 200 ? detail.substring(0, 200) + "..." : detail;
    }
    String message =
        "Schema registry at " + registry + " answered HTTP " + status + " (error code " + code
            + ") to " + request + ": " + detail;
    switch (code) {
      case RegistryErrorCodes.SUBJECT_NOT_FOUND:
        return new SubjectNotFoundException(message, status, registry);
      case RegistryErrorCodes.SCHEMA_NOT_FOUND:
        return new SchemaNotFoundException(message, status, registry);
      case RegistryErrorCodes.INCOMPATIBLE_SCHEMA:
        return new IncompatibleSchemaException(message, status, registry);
      case RegistryErrorCodes.INVALID_SCHEMA:
        return new InvalidSchemaException(message, status, registry);
      default:
        return new SchemaRegistryException(message, code, status, registry, null);
    }
  }

  private JsonNode parse(String request, String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw unreadable(request, "expected a JSON object, got: " + body, null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw unreadable(request, e.getOriginalMessage(), e);
    }
  }

  private int requiredInt(String request, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw unreadable(request, "missing integer field '" + field + "' in " + node, null);
    }
    return value.intValue();
  }

  private String requiredText(String request, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw unreadable(request, "missing text field '" + field + "' in " + node, null);
    }
    return value.textValue();
  }

  private Schema parseSchema(String request, String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw unreadable(request, "the schema it returned does not parse: " + e.getMessage(), e);
    }
  }

  private SchemaRegistryException unreadable(String request, String detail, Throwable cause) {
    return new SchemaRegistryException(
        "Schema registry at " + registry + " gave an unreadable answer to " + request + ": "
            + detail,
        NO_ERROR_CODE,
        200,
        registry,
        cause);
  }
}
