package io.scenelog.edge.docs;

import static io.scenelog.edge.docs.Markdown.blocks;
import static io.scenelog.edge.docs.Markdown.escape;
import static io.scenelog.edge.docs.Markdown.inline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readable rendering of the OpenAPI document served at {@code GET /docs}: one self-contained HTML page with
 * inline CSS and no scripts, fonts or other external resources, so it works offline and under a strict Content
 * Security Policy. It shows the API's description and security, then each tag's operations (method, path, role,
 * parameters, request body as a property tree, responses), then every component schema.
 *
 * <p>The YAML is read into a plain Jackson tree rather than with swagger-parser, which is only a test dependency
 * of the server. Every string from the document is escaped.
 */
public final class ApiDocsPage {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String UNTAGGED = "Other";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final JsonNode api;
    private final SchemaHtml schemas;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ApiDocsPage(JsonNode api) {
        this.api = api;
        this.schemas = new SchemaHtml(api);
    }

    /**
     * Renders an OpenAPI 3.0 document as a standalone HTML page.
     *
     * @throws IllegalArgumentException when the text is not YAML or not a mapping at the top
     */
    public static String render(String openApiYaml) {
        JsonNode api;
        try {
            api = new YAMLMapper().readTree(openApiYaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The OpenAPI document is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (api == null || !api.isObject()) {
            throw new IllegalArgumentException("The OpenAPI document is not a YAML mapping at the top level");
        }
        return new ApiDocsPage(api).page();
    }

    private String page() {
        JsonNode info = api.path("info");
        String title = info.path("title").asText("API") + " " + info.path("version").asText("");
        Map<String, List<Operation>> byTag = operationsByTag();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title.strip())).append("</title>\n<style>").append(PageStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        out.append("<h1>").append(escape(info.path("title").asText("API"))).append(" <span class=\"version\">")
                .append(escape(info.path("version").asText(""))).append("</span></h1>\n");
        contents(byTag);
        out.append("<section id=\"overview\">\n").append(blocks(info.path("description").asText(null)))
                .append("</section>\n");
        security();
        byTag.forEach(this::tag);
        componentSchemas();
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Operations grouped by their first tag, tags in the document's order, undeclared tags after them. */
    private Map<String, List<Operation>> operationsByTag() {
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        api.path("tags").forEach(tag -> byTag.put(tag.path("name").asText(), new ArrayList<>()));
        api.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(entry -> METHODS.contains(entry.getKey()))
                .forEach(entry -> {
                    Operation op = new Operation(entry.getKey(), path.getKey(), path.getValue(), entry.getValue());
                    byTag.computeIfAbsent(op.tag(), t -> new ArrayList<>()).add(op);
                }));
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private void contents(Map<String, List<Operation>> byTag) {
        out.append("<nav>\n<ul>\n<li><a href=\"#overview\">Overview</a></li>\n")
                .append("<li><a href=\"#security\">Security</a></li>\n");
        byTag.forEach((tag, ops) -> {
            out.append("<li><a href=\"#").append(escape(tagAnchor(tag))).append("\">").append(escape(tag))
                    .append("</a>\n<ul>\n");
            for (Operation op : ops) {
                out.append("<li><a href=\"#").append(escape(op.anchor())).append("\"><span class=\"m m-")
                        .append(escape(op.method())).append("\">").append(escape(op.method().toUpperCase()))
                        .append("</span> ").append(escape(op.path())).append("</a></li>\n");
            }
            out.append("</ul></li>\n");
        });
        out.append("<li><a href=\"#schemas\">Schemas</a></li>\n</ul>\n</nav>\n");
    }

    private void security() {
        out.append("<section id=\"security\">\n<h2>Security</h2>\n<table>\n")
                .append("<tr><th>scheme</th><th>type</th><th>how</th><th>description</th></tr>\n");
        api.path("components").path("securitySchemes").properties().forEach(entry -> {
            JsonNode scheme = entry.getValue();
            String how = scheme.has("scheme")
                    ? scheme.path("scheme").asText() + " " + scheme.path("bearerFormat").asText("")
                    : scheme.path("in").asText() + " " + scheme.path("name").asText("");
            out.append("<tr><td><code>").append(escape(entry.getKey())).append("</code></td><td>")
                    .append(escape(scheme.path("type").asText())).append("</td><td>").append(escape(how.strip()))
                    .append("</td><td>").append(inline(scheme.path("description").asText(""))).append("</td></tr>\n");
        });
        out.append("</table>\n<p>Unless an operation says otherwise: ")
                .append(escape(requirement(api.path("security")))).append(".</p>\n</section>\n");
    }

    private static String requirement(JsonNode security) {
        if (security.isMissingNode()) {
            return "no authentication";
        }
        List<String> alternatives = new ArrayList<>();
        security.forEach(req -> alternatives.add(req.properties().stream().map(Map.Entry::getKey)
                .collect(Collectors.joining(" and "))));
        alternatives.removeIf(String::isEmpty);
        return alternatives.isEmpty() ? "no authentication (public)" : String.join(" or ", alternatives);
    }

    private void tag(String tag, List<Operation> ops) {
        out.append("<section class=\"tag\" id=\"").append(escape(tagAnchor(tag))).append("\">\n<h2>")
                .append(escape(tag)).append("</h2>\n");
        for (JsonNode declared : api.path("tags")) {
            if (tag.equals(declared.path("name").asText())) {
                out.append(blocks(declared.path("description").asText(null)));
            }
        }
        ops.forEach(this::operation);
        out.append("</section>\n");
    }

    private void operation(Operation op) {
        JsonNode node = op.node();
        out.append("<article class=\"op\" id=\"").append(escape(op.anchor())).append("\">\n<h3><span class=\"m m-")
                .append(escape(op.method())).append("\">").append(escape(op.method().toUpperCase()))
                .append("</span> <code class=\"path\">").append(escape(op.path())).append("</code> ")
                .append(escape(node.path("summary").asText(""))).append("</h3>\n<p class=\"meta\">");
        out.append("<span class=\"opid\">").append(escape(node.path("operationId").asText(""))).append("</span>");
        if (node.has("x-scenelog-role")) {
            out.append(" <span class=\"role\">role: ").append(escape(node.get("x-scenelog-role").asText()))
                    .append("</span>");
        }
        JsonNode security = node.has("security") ? node.get("security") : api.path("security");
        out.append(" <span class=\"auth\">auth: ").append(escape(requirement(security))).append("</span></p>\n");
        out.append(blocks(node.path("description").asText(null)));
        parameters(op);
        requestBody(node.path("requestBody"));
        responses(node.path("responses"));
        out.append("</article>\n");
    }

    private void parameters(Operation op) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (JsonNode owner : List.of(op.pathItem(), op.node())) {
            owner.path("parameters").forEach(p -> {
                JsonNode param = schemas.deref(p);
                params.put(param.path("in").asText() + ":" + param.path("name").asText(), param);
            });
        }
        if (params.isEmpty()) {
            return;
        }
        out.append("<h4>Parameters</h4>\n<table>\n<tr><th>name</th><th>in</th><th>type</th><th></th>")
                .append("<th>description</th></tr>\n");
        for (JsonNode p : params.values()) {
            JsonNode schema = p.path("schema");
            out.append("<tr><td><code>").append(escape(p.path("name").asText())).append("</code></td><td>")
                    .append(escape(p.path("in").asText())).append("</td><td>").append(schemas.typeLabel(schema))
                    .append(' ').append(schemas.constraints(schema)).append("</td><td>")
                    .append(p.path("required").asBoolean(false) ? "<span class=\"req\">required</span>" : "")
                    .append("</td><td>").append(inline(p.path("description").asText(""))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void requestBody(JsonNode body) {
        if (body.isMissingNode()) {
            return;
        }
        JsonNode resolved = schemas.deref(body);
        out.append("<h4>Request body").append(resolved.path("required").asBoolean(false) ? "" : " (optional)")
                .append("</h4>\n").append(blocks(resolved.path("description").asText(null)));
        resolved.path("content").properties().forEach(content -> {
            JsonNode schema = content.getValue().path("schema");
            out.append("<p><code>").append(escape(content.getKey())).append("</code>: ")
                    .append(schemas.typeLabel(schema)).append("</p>\n").append(schemas.tree(schema));
        });
    }

    private void responses(JsonNode responses) {
        out.append("<h4>Responses</h4>\n<table class=\"responses\">\n")
                .append("<tr><th>status</th><th>description</th><th>body</th><th>headers</th></tr>\n");
        responses.properties().forEach(entry -> {
            JsonNode response = schemas.deref(entry.getValue());
            List<String> bodies = new ArrayList<>();
            response.path("content").properties().forEach(content -> bodies.add("<code>"
                    + escape(content.getKey()) + "</code> " + schemas.typeLabel(content.getValue().path("schema"))));
            List<String> headers = new ArrayList<>();
            response.path("headers").properties().forEach(header -> headers.add("<code>" + escape(header.getKey())
                    + "</code>" + (schemas.deref(header.getValue()).path("required").asBoolean(false) ? "" : "?")));
            String status = entry.getKey();
            out.append("<tr><td><span class=\"status s").append(escape(status.substring(0, 1))).append("\">")
                    .append(escape(status)).append("</span></td><td>")
                    .append(inline(response.path("description").asText(""))).append("</td><td>")
                    .append(String.join("<br>", bodies)).append("</td><td>").append(String.join(", ", headers))
                    .append("</td></tr>\n");
        });
        out.append("</table>\n");
    }

    private void componentSchemas() {
        out.append("<section id=\"schemas\">\n<h2>Schemas</h2>\n");
        api.path("components").path("schemas").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode schema = entry.getValue();
            out.append("<article class=\"schema\" id=\"").append(escape(SchemaHtml.anchor(name))).append("\">\n<h3>")
                    .append(escape(name)).append(" <span class=\"type\">").append(schemas.typeLabel(schema))
                    .append("</span> ").append(schemas.constraints(schema)).append("</h3>\n")
                    .append(blocks(schema.path("description").asText(null))).append(schemas.tree(schema));
            if (schema.has("example")) {
                out.append("<details><summary>Example</summary><pre>").append(escape(pretty(schema.get("example"))))
                        .append("</pre></details>\n");
            }
            out.append("</article>\n");
        });
        out.append("</section>\n");
    }

    private static String pretty(JsonNode example) {
        try {
            return PRETTY.writeValueAsString(example);
        } catch (JsonProcessingException e) {
            // A tree read from YAML always serialises; fall back to its compact form rather than fail the page.
            return example.toString();
        }
    }

    private static String tagAnchor(String tag) {
        return "tag-" + tag.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** One operation with the path item it belongs to, whose parameters it inherits. */
    private record Operation(String method, String path, JsonNode pathItem, JsonNode node) {

        String tag() {
            return node.path("tags").path(0).asText(UNTAGGED);
        }

        String anchor() {
            String id = node.path("operationId").asText(method + path);
            return "op-" + id.replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }
}
