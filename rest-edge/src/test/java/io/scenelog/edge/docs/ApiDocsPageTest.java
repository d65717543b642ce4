package io.scenelog.edge.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The page at {@code GET /docs}: complete for the real document, self-contained, and safe whatever the document's
 * strings contain.
 */
class ApiDocsPageTest {

    @Nested
    class TheRealDocument {

        private final String html = ApiDocsPage.render(ApiSpec.specYaml());

        @Test
        void shouldShowEveryOperationIdAndPath() throws Exception {
            // given
            JsonNode api = new YAMLMapper().readTree(ApiSpec.specYaml());
            List<String> operationIds = new ArrayList<>();
            api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                if (op.getValue().has("operationId")) {
                    operationIds.add(op.getValue().get("operationId").asText());
                }
            }));

            // then
            assertThat(operationIds).hasSizeGreaterThan(30);
            assertThat(html).contains(operationIds);
            api.path("paths").properties().forEach(path ->
                    assertThat(html).contains("<code class=\"path\">" + Markdown.escape(path.getKey()) + "</code>"));
        }

        @Test
        void shouldShowTheRequiredRoleOfAnOperation() {
            assertThat(section("op-createEntity")).contains("role: editor", "auth: bearerAuth");
            assertThat(section("op-getLiveness")).contains("role: public", "auth: no authentication (public)");
            assertThat(section("op-createToken")).contains("auth: apiKeyAuth");
        }

        @Test
        void shouldShowTheRequestBodyAsAPropertyTreeWithTypesRequiredAndEnums() {
            String createEntity = section("op-createEntity");

            assertThat(createEntity).contains("<code class=\"prop\">components</code>",
                    "<code class=\"prop\">transform</code>", "<code class=\"prop\">position</code>",
                    "<code>CUBE</code>", "<span class=\"req\">required</span>");
        }

        @Test
        void shouldShowEveryResponseWithItsSchemaName() {
            String createEntity = section("op-createEntity");

            assertThat(createEntity).contains(">201<", ">409<", ">504<", "href=\"#schema-Entity\"",
                    "href=\"#schema-Error\"", "<code>Location</code>");
        }

        @Test
        void shouldShowEveryComponentSchema() {
            assertThat(html).contains("id=\"schema-Components\"", "id=\"schema-MeshRef\"", "id=\"schema-Error\"");
        }

        @Test
        void shouldLoadNothingFromElsewhere() {
            assertThat(html.toLowerCase()).doesNotContain("<script", "<link", " src=", "@import", "url(");
        }

        @Test
        void shouldRenderTheErrorTableOfTheDescription() {
            assertThat(html).contains("<td><code>VERSION_CONFLICT</code></td>");
        }

        private String section(String anchor) {
            int start = html.indexOf("id=\"" + anchor + "\"");
            assertThat(start).as(anchor).isPositive();
            return html.substring(start, html.indexOf("</article>", start));
        }
    }

    @Nested
    class TheSpecResource {

        @Test
        void shouldReadTheOpenApiDocumentFromTheSchemasJar() {
            assertThat(ApiSpec.specYaml()).startsWith("openapi: 3.0.3").contains("operationId: createEntity");
        }

        @Test
        void shouldReadTheDocumentOnlyOnce() {
            assertThat(ApiSpec.specYaml()).isSameAs(ApiSpec.specYaml());
        }
    }

    @Test
    void shouldEscapeMarkupFromTheDocument() {
        // given
        String yaml = """
                openapi: 3.0.3
                info:
                  title: "<script>alert('title')</script>"
                  version: "1"
                  description: "Hello <script>alert(1)</script> **bold** `<b>code</b>`"
                paths:
                  /x/<img src=x onerror=alert(2)>:
                    get:
                      operationId: "op\\"><script>alert(3)</script>"
                      summary: "<script>alert(4)</script>"
                      description: "<script>alert(5)</script>"
                      tags: ["<script>alert(6)</script>"]
                      parameters:
                        - name: "<script>alert(7)</script>"
                          in: query
                          schema: {type: string, enum: ["<script>alert(8)</script>"]}
                      responses:
                        '200':
                          description: "<script>alert(9)</script>"
                components:
                  schemas:
                    "<Evil>":
                      type: object
                      description: "<script>alert(10)</script>"
                      properties:
                        "<p>": {type: string, pattern: "<script>"}
                      example: {"<script>": "</pre><script>alert(11)</script>"}
                """;

        // when
        String html = ApiDocsPage.render(yaml);

        // then
        assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "<evil>", "<p>\"");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "<strong>bold</strong>",
                "<code>&lt;b&gt;code&lt;/b&gt;</code>");
        for (int i = 2; i <= 11; i++) {
            assertThat(html).contains("alert(" + i + ")");
        }
    }

    @Test
    void shouldRenderADocumentWithoutTagsOrComponents() {
        String html = ApiDocsPage.render("""
                openapi: 3.0.3
                info: {title: Tiny, version: "0"}
                paths:
                  /ping:
                    get:
                      responses:
                        '204': {description: pong}
                """);

        assertThat(html).contains("Tiny", "<code class=\"path\">/ping</code>", "pong");
    }

    @Test
    void shouldRejectTextThatIsNoYamlMapping() {
        assertThatThrownBy(() -> ApiDocsPage.render("- just\n- a list\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping");
        assertThatThrownBy(() -> ApiDocsPage.render("a: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YAML");
    }
}
