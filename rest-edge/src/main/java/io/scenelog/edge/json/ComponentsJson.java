package io.scenelog.edge.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.model.Components;

/**
 * The JSON form of an entity's {@link Components} in the REST API: field names as in the Avro schema, enums as
 * their upper-case Avro symbols ({@code "CUBE"}, {@code "POINT"}), UUIDs as strings, JSON null or absence for a
 * component the entity does not have. Reading is strict (see {@link StrictJson}) because a mistyped field that was
 * silently ignored would be an edit that silently did not happen.
 *
 * <pre>{@code
 * {"name": "Lamp", "transform": {"position": {"x": 0, "y": 2, "z": 0},
 *                                "rotation": {"x": 0, "y": 0, "z": 0, "w": 1},
 *                                "scale": {"x": 1, "y": 1, "z": 1}},
 *  "mesh": {"primitive": "SPHERE"}, "light": {"type": "POINT", "color": {"r": 1, "g": 0.9, "b": 0.8},
 *  "intensity": 40}, "tags": ["lighting"], "visible": true}
 * }</pre>
 */
public final class ComponentsJson {

    /** The longest entity name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The most tags an entity may carry. */
    public static final int MAX_TAGS = 64;
    /** The longest tag, in characters. */
    public static final int MAX_TAG_LENGTH = 128;
    /** The longest camera owner id, in characters: client ids are token subjects. */
    public static final int MAX_CLIENT_ID_LENGTH = 256;

    private ComponentsJson() {
    }

    /**
     * Reads a full or partial set of components.
     *
     * @param node the JSON value; must be an object
     * @param path its dotted path in the request body, used in error fields (e.g. {@code components}, {@code set})
     * @throws JsonFieldException naming the first field that is unknown, missing, mistyped or out of range
     */
    public static Components read(JsonNode node, String path) {
        return ComponentsReader.read(node, path);
    }

    /** Writes the components the entity has (non-null), every field of each including defaults. */
    public static ObjectNode write(Components components) {
        return ComponentsWriter.write(components);
    }
}
