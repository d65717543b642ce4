package io.scenelog.edge.registry;

import static io.scenelog.edge.RegistryHttp.schemaBody;
import static io.scenelog.edge.registry.RegistrySchemas.USER_V1;
import static io.scenelog.edge.registry.RegistrySchemas.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.EdgeServer;
import io.scenelog.edge.EdgeSettings;
import io.scenelog.edge.RegistryHttp;
import io.scenelog.edge.RegistryHttp.Response;
import io.scenelog.testkit.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the registry answers requests it cannot satisfy: Confluent's codes in Confluent's error body. */
class SchemaRegistryErrorsIntegrationTest {

    private static final long REQUEST_LIMIT = 4096;

    private static EdgeServer server;
    private static RegistryHttp http;

    @BeforeAll
    static void startServer() {
        server = EdgeServer.start(EdgeSettings.defaults(SharedKafka.bootstrapServers()).withPort(0)
                .withMaxRequestBytes(REQUEST_LIMIT));
        http = new RegistryHttp(server.baseUri());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void shouldRejectAnInvalidSchemaWithAvrosParseError() {
        // when
        Response response = http.post("/subjects/" + subject() + "/versions", schemaBody(
                "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\",\"type\":\"nope\"}]}"));

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42201);
        assertThat(response.json().get("message").asText()).contains("nope");
    }

    @Test
    void shouldRejectARequestWithoutASchema() {
        // when
        Response response = http.post("/subjects/" + subject() + "/versions", "{\"schemaType\":\"AVRO\"}");

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldRejectSchemaTypesOtherThanAvro() {
        // when
        Response response = http.post("/subjects/" + subject() + "/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42201);
        assertThat(response.json().get("message").asText()).contains("PROTOBUF");
    }

    @Test
    void shouldRejectSchemaReferences() {
        // when
        Response response = http.post("/subjects/" + subject() + "/versions", "{\"schema\":\"\\\"string\\\"\","
                + "\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}");

        // then
        assertThat(response.errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        // when
        Response response = http.post("/subjects/" + subject() + "/versions", "{\"schema\": ");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("not valid JSON");
    }

    @Test
    void shouldAnswer422ForJsonOfTheWrongShape() {
        // when
        Response array = http.post("/subjects/" + subject() + "/versions", "[1, 2]");
        Response number = http.post("/subjects/" + subject() + "/versions", "{\"schema\": 5}");

        // then
        assertThat(array.status()).isEqualTo(422);
        assertThat(array.errorCode()).isEqualTo(422);
        assertThat(number.status()).isEqualTo(422);
        assertThat(number.json().get("message").asText()).contains("schema");
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() {
        // given
        String huge = "{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "x".repeat((int) REQUEST_LIMIT)
                + "\",\"fields\":[]}";

        // when
        Response response = http.post("/subjects/" + subject() + "/versions", schemaBody(huge));

        // then
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo(413);
    }

    @Test
    void shouldStillServeAfterRejectedRequests() {
        // given
        http.post("/subjects/" + subject() + "/versions", "garbage");

        // when
        int id = http.register(subject(), USER_V1);

        // then
        assertThat(id).isPositive();
    }
}
