package io.scenelog.edge.docs;

import static io.scenelog.edge.docs.Markdown.escape;
import static io.scenelog.edge.docs.Markdown.inline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders OpenAPI 3.0 schemas as HTML: a one-line type label, and an indented tree of properties with their types,
 * whether they are required, their constraints and descriptions. {@code $ref}s are followed by name and expanded in
 * place, except where a schema would contain itself.
 */
final class SchemaHtml {

    /** Deep enough for Entity, components, material, colour; deeper trees are unreadable anyway. */
    private static final int MAX_DEPTH = 6;
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    private final JsonNode root;

    SchemaHtml(JsonNode root) {
        this.root = root;
    }

    /** The anchor of a component schema's section. */
    static String anchor(String schemaName) {
        return "schema-" + schemaName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The name a {@code $ref} of a component schema points to, or null when the schema is no such reference. */
    static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref != null && ref.startsWith(SCHEMA_PREFIX) ? ref.substring(SCHEMA_PREFIX.length()) : null;
    }

    /** The node a local {@code $ref} (of any component kind) points to, or the node itself; missing if dangling. */
    JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#/") ? root.at(ref.substring(1)) : MissingNode.getInstance();
        }
        return current;
    }

    /** A short type: a link for a reference, "array of ...", "map of ...", the type with its format. */
    String typeLabel(JsonNode schema) {
        String name = refName(schema);
        if (name != null) {
            String link = "<a href=\"#" + escape(anchor(name)) + "\">" + escape(name) + "</a>";
            return deref(schema).path("nullable").asBoolean(false) ? link + " | null" : link;
        }
        String label;
        String type = schema.path("type").asText("");
        if ("array".equals(type)) {
            label = "array of " + typeLabel(schema.path("items"));
        } else if (schema.path("additionalProperties").isObject() && !schema.has("properties")) {
            label = "map of string to " + typeLabel(schema.path("additionalProperties"));
        } else if (schema.path("allOf").size() == 1) {
            label = typeLabel(schema.path("allOf").get(0));
        } else if (type.isEmpty()) {
            label = schema.has("properties") ? "object" : "any";
        } else {
            label = escape(type) + (schema.has("format") ? " (" + escape(schema.get("format").asText()) + ")" : "");
        }
        return schema.path("nullable").asBoolean(false) ? label + " | null" : label;
    }

    /** Enumerations, bounds, lengths, patterns and defaults of a schema, or an empty string. */
    String constraints(JsonNode schema) {
        JsonNode target = deref(schema);
        List<String> parts = new ArrayList<>();
        if (target.has("enum")) {
            List<String> values = new ArrayList<>();
            target.get("enum").forEach(v -> values.add("<code>" + escape(v.asText()) + "</code>"));
            parts.add("one of " + String.join(", ", values));
        }
        bound(target, "minimum", "exclusiveMinimum", "&gt; ", "&ge; ", parts);
        bound(target, "maximum", "exclusiveMaximum", "&lt; ", "&le; ", parts);
        limit(target, "minLength", "at least %s characters", parts);
        limit(target, "maxLength", "at most %s characters", parts);
        limit(target, "minItems", "at least %s items", parts);
        limit(target, "maxItems", "at most %s items", parts);
        if (target.has("minProperties") && target.path("minProperties").equals(target.path("maxProperties"))) {
            parts.add("exactly " + escape(target.get("minProperties").asText()) + " of its properties");
        } else {
            limit(target, "minProperties", "at least %s entries", parts);
            limit(target, "maxProperties", "at most %s entries", parts);
        }
        if (target.path("uniqueItems").asBoolean(false)) {
            parts.add("unique items");
        }
        if (target.has("pattern")) {
            parts.add("pattern <code>" + escape(target.get("pattern").asText()) + "</code>");
        }
        if (target.has("default")) {
            parts.add("default <code>" + escape(target.get("default").toString()) + "</code>");
        }
        return parts.isEmpty() ? "" : "<span class=\"constraints\">" + String.join("; ", parts) + "</span>";
    }

    private static void bound(JsonNode s, String key, String exclusive, String strict, String loose, List<String> out) {
        if (s.has(key)) {
            out.add((s.path(exclusive).asBoolean(false) ? strict : loose) + escape(s.get(key).asText()));
        }
    }

    private static void limit(JsonNode s, String key, String format, List<String> out) {
        if (s.has(key)) {
            out.add(String.format(format, escape(s.get(key).asText())));
        }
    }

    /** The schema's properties as an indented list, nested objects expanded; empty when it has none. */
    String tree(JsonNode schema) {
        StringBuilder out = new StringBuilder();
        children(schema, new ArrayDeque<>(), 0, out);
        return out.toString();
    }

    private void children(JsonNode schema, Deque<String> stack, int depth, StringBuilder out) {
        String name = refName(schema);
        if (depth > MAX_DEPTH || (name != null && stack.contains(name))) {
            return;
        }
        if (name != null) {
            stack.push(name);
        }
        JsonNode target = deref(schema);
        if ("array".equals(target.path("type").asText())) {
            children(target.path("items"), stack, depth, out);
        } else {
            Set<String> required = new LinkedHashSet<>();
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            collect(target, required, properties, 0);
            JsonNode values = target.path("additionalProperties");
            // A map of scalars is said in full by its type label; a row helps only beside named properties or
            // when the values are structured.
            if (values.isObject() && (!properties.isEmpty() || values.has("$ref") || values.has("properties"))) {
                properties.put("{key}", values);
            }
            if (!properties.isEmpty()) {
                out.append("<ul class=\"tree\">\n");
                properties.forEach((key, value) -> property(key, value, required.contains(key), stack, depth, out));
                out.append("</ul>\n");
            }
        }
        if (name != null) {
            stack.pop();
        }
    }

    /** Gathers properties and required names, merging {@code allOf} parts as a reader would. */
    private void collect(JsonNode schema, Set<String> required, Map<String, JsonNode> properties, int hops) {
        JsonNode target = deref(schema);
        if (hops > MAX_DEPTH) {
            return;
        }
        target.path("allOf").forEach(part -> collect(part, required, properties, hops + 1));
        target.path("required").forEach(r -> required.add(r.asText()));
        target.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
    }

    private void property(String key, JsonNode schema, boolean required, Deque<String> stack, int depth,
            StringBuilder out) {
        JsonNode target = deref(schema);
        out.append("<li><code class=\"prop\">").append(escape(key)).append("</code> <span class=\"type\">")
                .append(typeLabel(schema)).append("</span>");
        out.append(required ? " <span class=\"req\">required</span>" : " <span class=\"opt\">optional</span>");
        String constraints = constraints(schema);
        if (!constraints.isEmpty()) {
            out.append(' ').append(constraints);
        }
        String description = schema.path("description").asText(null);
        if (description == null && !"object".equals(target.path("type").asText())) {
            description = target.path("description").asText(null);
        }
        if (description != null) {
            out.append(" <span class=\"desc\">").append(inline(description.strip())).append("</span>");
        }
        children(schema, stack, depth + 1, out);
        out.append("</li>\n");
    }
}
