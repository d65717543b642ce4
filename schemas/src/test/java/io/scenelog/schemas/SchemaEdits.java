package io.scenelog.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/** Derives schema versions from a schema's JSON, for evolution and compatibility tests. */
public final class SchemaEdits {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaEdits() {}

  /** A copy of {@code schema} changed by {@code edit} on its JSON tree. */
  public static Schema edit(Schema schema, Consumer<ObjectNode> edit) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(schema.toString());
      edit.accept(tree);
      return new Schema.Parser().parse(MAPPER.writeValueAsString(tree));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the field {@code name} of the top-level record. */
  public static Consumer<ObjectNode> removeField(String name) {
    return tree -> {
      ArrayNode fields = (ArrayNode) tree.get("fields");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).get("name").asText().equals(name)) {
          fields.remove(i);
          return;
        }
      }
      throw new IllegalArgumentException("No field " + name + " in " + tree.get("name"));
    };
  }

  /** Appends a field given as JSON to the top-level record. */
  public static Consumer<ObjectNode> addField(String fieldJson) {
    return tree -> {
      try {
        ((ArrayNode) tree.get("fields")).add(MAPPER.readTree(fieldJson));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Replaces the symbols of the enum named {@code enumName} wherever it is defined. */
  public static Consumer<ObjectNode> enumSymbols(String enumName, String... symbols) {
    return tree -> replaceSymbols(tree, enumName, symbols);
  }

  private static void replaceSymbols(JsonNode node, String enumName, String[] symbols) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if ("enum".equals(object.path("type").asText())
          && enumName.equals(object.path("name").asText())) {
        ArrayNode replaced = object.putArray("symbols");
        for (String symbol : symbols) {
          replaced.add(symbol);
        }
      }
      object.elements().forEachRemaining(child -> replaceSymbols(child, enumName, symbols));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> replaceSymbols(child, enumName, symbols));
    }
  }
}
