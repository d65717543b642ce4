package io.scenelog.edge.registry;

import static io.scenelog.edge.RegistryHttp.schemaBody;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V1;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V2;
import static io.scenelog.edge.registry.RegistrySchemas.USER_WITH_EMAIL;
import static io.scenelog.edge.registry.RegistrySchemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeServers;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.edge.RegistryHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compatibility levels and checks over real HTTP and Kafka. */
class SchemaRegistryConfigIntegrationTest {

    private static EdgeServer server;
    private static RegistryHttp http;

    @BeforeAll
    static void startServer() {
        server = EdgeServers.startOnSharedKafka();
        http = new RegistryHttp(server.baseUri());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldSetAndReadTheGlobalLevelAsConfluentSpellsIt() {
        // given
        String before = http.get("/config").json().get("compatibilityLevel").asText();
        try {
            // when
            Response updated = http.put("/config", "{\"compatibility\":\"full\"}");

            // then
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().get("compatibility").asText()).isEqualTo("FULL");
            assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
        } finally {
            http.put("/config", "{\"compatibility\":\"" + before + "\"}");
        }
    }

    @Test
    void shouldSetReadAndDeleteASubjectLevel() {
        // given
        String subject = subject();

        // when
        Response updated = http.put("/config/" + subject, "{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");

        // then
        assertThat(updated.json().get("compatibility").asText()).isEqualTo("FORWARD_TRANSITIVE");
        assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText())
                .isEqualTo("FORWARD_TRANSITIVE");
        Response deleted = http.delete("/config/" + subject);
        assertThat(deleted.json().get("compatibilityLevel").asText()).isEqualTo("FORWARD_TRANSITIVE");
        assertThat(http.delete("/config/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutALevelUnlessFallingBackToGlobal() {
        // given
        String subject = subject();
        String global = http.get("/config").json().get("compatibilityLevel").asText();

        // when
        Response own = http.get("/config/" + subject);
        Response fallback = http.get("/config/" + subject + "?defaultToGlobal=true");

        // then
        assertThat(own.status()).isEqualTo(404);
        assertThat(own.errorCode()).isEqualTo(40408);
        assertThat(fallback.json().get("compatibilityLevel").asText()).isEqualTo(global);
    }

    @Test
    void shouldAnswer42203ForAnUnknownLevel() {
        // when
        Response response = http.put("/config/" + subject(), "{\"compatibility\":\"SIDEWAYS\"}");

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42203);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWith409NamingTheField() {
        // given
        String subject = subject();
        http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        http.register(subject, USER_V1);

        // when
        Response response = http.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_EMAIL));

        // then
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo(409);
        assertThat(response.json().get("message").asText())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("email");
        assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
    }

    @Test
    void shouldTestCompatibilityWithoutRegistering() {
        // given
        String subject = subject();
        http.put("/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        http.register(subject, USER_V1);

        // when
        Response compatible = http.post("/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(USER_V2));
        Response incompatible = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                schemaBody(USER_WITH_EMAIL));

        // then
        assertThat(compatible.json().get("is_compatible").asBoolean()).isTrue();
        assertThat(compatible.json().has("messages")).isFalse();
        assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().get("messages").toString()).contains("email");
        assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
    }

    @Test
    void shouldAnswerNotFoundWhenTestingAgainstAMissingVersion() {
        // given
        String subject = subject();
        http.register(subject, USER_V1);

        // then
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/3", schemaBody(USER_V2)).errorCode())
                .isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/" + subject() + "/versions/1", schemaBody(USER_V2))
                .errorCode()).isEqualTo(40401);
    }
}
