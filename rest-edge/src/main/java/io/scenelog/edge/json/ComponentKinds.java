package io.scenelog.edge.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Component kinds as the REST API spells them: the lower-case name of the {@code Components} field
 * ({@code "transform"}), in the {@code component} query filter and in a patch's {@code remove} list.
 * {@link ComponentKind#UNKNOWN} is what an old reader makes of a newer kind; a client can never name it.
 */
public final class ComponentKinds {

    /** The kinds a client may name, in schema order. */
    public static final Set<ComponentKind> NAMEABLE =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(ComponentKind.UNKNOWN)));

    private ComponentKinds() {
    }

    /** The kind named by its JSON spelling, e.g. {@code "mesh"}; anything else is refused with the allowed list. */
    public static ComponentKind parse(String lowerCaseName, String path) {
        for (ComponentKind kind : NAMEABLE) {
            if (jsonName(kind).equals(lowerCaseName)) {
                return kind;
            }
        }
        throw new JsonFieldException(path, StrictJson.label(path) + " must be one of " + allowed() + ", got "
                + JsonValues.describe(lowerCaseName));
    }

    /** A JSON array of distinct kind names, e.g. a patch's {@code "remove": ["parent", "light"]}. */
    public static List<ComponentKind> readAll(JsonNode node, String path) {
        if (node == null || node.isMissingNode()) {
            throw StrictJson.missing(path);
        }
        if (!node.isArray()) {
            throw StrictJson.mismatch(node, path, "an array of component names");
        }
        List<ComponentKind> kinds = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String elementPath = StrictJson.index(path, i);
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw StrictJson.mismatch(element, elementPath, "one of " + allowed());
            }
            ComponentKind kind = parse(element.textValue(), elementPath);
            if (kinds.contains(kind)) {
                throw new JsonFieldException(elementPath, elementPath + " repeats \"" + jsonName(kind) + "\"");
            }
            kinds.add(kind);
        }
        return Collections.unmodifiableList(kinds);
    }

    /** The JSON spelling of a kind: the lower-case Components field name. */
    public static String jsonName(ComponentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Whether the entity has the component; never for {@link ComponentKind#UNKNOWN}. */
    public static boolean has(Components components, ComponentKind kind) {
        return switch (kind) {
            case NAME -> components.getName() != null;
            case TRANSFORM -> components.getTransform() != null;
            case PARENT -> components.getParent() != null;
            case MESH -> components.getMesh() != null;
            case MATERIAL -> components.getMaterial() != null;
            case CAMERA -> components.getCamera() != null;
            case LIGHT -> components.getLight() != null;
            case TAGS -> components.getTags() != null;
            case VISIBLE -> components.getVisible() != null;
            default -> false;
        };
    }

    private static String allowed() {
        return NAMEABLE.stream().map(kind -> "\"" + jsonName(kind) + "\"").collect(Collectors.joining(", "));
    }
}
