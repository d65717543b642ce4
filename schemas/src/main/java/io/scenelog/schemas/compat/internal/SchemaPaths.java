package io.scenelog.schemas.compat.internal;

import org.apache.avro.Schema;

/**
 * Turns the JSON pointers of Avro's compatibility checker ({@code /fields/3/type/items}) into a
 * path of names ({@code SceneAction.operations[]}) that people can find in a schema file.
 */
public final class SchemaPaths {

  private SchemaPaths() {}

  /**
   * Names the place {@code location} points to in {@code root}. Walks as far as the schema allows;
   * union branch indexes (which Avro counts in the writer's union) pick the branch of {@code root}'s
   * union at that index when it has one, and add nothing to the path.
   */
  public static String describe(Schema root, String location) {
    StringBuilder path = new StringBuilder(displayName(root));
    String[] tokens = location.split("/");
    Schema current = root;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.isEmpty() || "type".equals(token)) {
        continue;
      }
      if (current == null) {
        path.append('/').append(token);
        continue;
      }
      if ("fields".equals(token) && i + 1 < tokens.length && isIndex(tokens[i + 1])) {
        int index = Integer.parseInt(tokens[++i]);
        if (current.getType() == Schema.Type.RECORD && index < current.getFields().size()) {
          Schema.Field field = current.getFields().get(index);
          path.append('.').append(field.name());
          current = field.schema();
        } else {
          path.append("/fields/").append(index);
          current = null;
        }
      } else if ("items".equals(token) && current.getType() == Schema.Type.ARRAY) {
        path.append("[]");
        current = current.getElementType();
      } else if ("values".equals(token) && current.getType() == Schema.Type.MAP) {
        path.append("{}");
        current = current.getValueType();
      } else if (isIndex(token) && current.getType() == Schema.Type.UNION) {
        int index = Integer.parseInt(token);
        current = index < current.getTypes().size() ? current.getTypes().get(index) : null;
      } else {
        path.append('.').append(token);
        current = null;
      }
    }
    return path.toString();
  }

  private static String displayName(Schema schema) {
    switch (schema.getType()) {
      case RECORD:
      case ENUM:
      case FIXED:
        return schema.getName();
      default:
        return schema.getType().getName();
    }
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
  }
}
