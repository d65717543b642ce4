package io.scenelog.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.model.SceneAction;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

  private static final String SCHEMA_JSON =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final Schema SCHEMA = new Schema.Parser().parse(SCHEMA_JSON);

  private final FakeRegistryServer server = new FakeRegistryServer();
  private final HttpSchemaRegistryClient client =
      new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(5));

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void shouldRegisterWithConfluentRequest() throws IOException {
    // given
    server.answer("POST", "/subjects/probes-value/versions", 200, "{\"id\":7}");

    // when
    int id = client.register("probes-value", SCHEMA);

    // then
    assertThat(id).isEqualTo(7);
    FakeRegistryServer.Request request = server.requests().get(0);
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
    String sent = new ObjectMapper().readTree(request.body()).get("schema").asText();
    assertThat(new Schema.Parser().parse(sent)).isEqualTo(SCHEMA);
  }

  @Test
  void shouldLookUpTheIdUnderASubject() {
    // given
    server.answer("POST", "/subjects/probes-value", 200,
        "{\"subject\":\"probes-value\",\"version\":2,\"id\":9,\"schema\":"
            + quoted(SCHEMA_JSON) + "}");

    // when
    int id = client.idOf("probes-value", SCHEMA);

    // then
    assertThat(id).isEqualTo(9);
  }

  @Test
  void shouldFetchASchemaById() {
    // given
    server.answer("GET", "/schemas/ids/3", 200, "{\"schema\":" + quoted(SCHEMA_JSON) + "}");

    // when
    Schema schema = client.schemaById(3);

    // then
    assertThat(schema).isEqualTo(SCHEMA);
  }

  @Test
  void shouldReadTheLatestVersionOfASubject() {
    // given
    server.answer("GET", "/subjects/probes-value/versions/latest", 200,
        "{\"subject\":\"probes-value\",\"version\":4,\"id\":11,\"schema\":"
            + quoted(SCHEMA_JSON) + "}");

    // when / then
    assertThat(client.latest("probes-value"))
        .contains(new RegisteredSchema("probes-value", 4, 11, SCHEMA));
  }

  @Test
  void shouldAnswerNoLatestVersionForAnUnknownSubject() {
    // given
    server.answer("GET", "/subjects/nope/versions/latest", 404,
        "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");

    // then
    assertThat(client.latest("nope")).isEmpty();
  }

  @Test
  void shouldMapSchemaNotFoundToItsType() {
    // given
    server.answer("GET", "/schemas/ids/42", 404,
        "{\"error_code\":40403,\"message\":\"Schema 42 not found\"}");

    // then
    assertThatThrownBy(() -> client.schemaById(42))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(40403);
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.registry()).isEqualTo(server.url().toString());
          assertThat(e.isRetriable()).isFalse();
        })
        .hasMessageContaining("Schema 42 not found")
        .hasMessageContaining("GET /schemas/ids/42");
  }

  @Test
  void shouldMapSubjectNotFoundToItsType() {
    // given
    server.answer("POST", "/subjects/nope", 404,
        "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");

    // then
    assertThatThrownBy(() -> client.idOf("nope", SCHEMA))
        .isInstanceOf(SubjectNotFoundException.class)
        .hasMessageContaining("Subject 'nope' not found.");
  }

  @Test
  void shouldMapAnIncompatibleSchemaToItsType() {
    // given
    server.answer("POST", "/subjects/probes-value/versions", 409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

    // then
    assertThatThrownBy(() -> client.register("probes-value", SCHEMA))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(409))
        .hasMessageContaining("incompatible");
  }

  @Test
  void shouldMapAnInvalidSchemaToItsType() {
    // given
    server.answer("POST", "/subjects/probes-value/versions", 422,
        "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

    // then
    assertThatThrownBy(() -> client.register("probes-value", SCHEMA))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void shouldReportServerErrorsAsRetriable() {
    // given
    server.answer("GET", "/schemas/ids/1", 500,
        "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");

    // then
    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.BACKEND_STORE_ERROR);
          assertThat(e.isRetriable()).isTrue();
        });
  }

  @Test
  void shouldKeepTheHttpStatusOfANonConfluentErrorBody() {
    // given: a proxy in front of the registry
    server.answer("GET", "/schemas/ids/1", 502, "<html>Bad Gateway</html>");

    // then
    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(502);
          assertThat(e.httpStatus()).isEqualTo(502);
        })
        .hasMessageContaining("Bad Gateway");
  }

  @Test
  void shouldReportAnUnreadableSuccessBody() {
    // given
    server.answer("POST", "/subjects/probes-value/versions", 200, "{\"identifier\":7}");

    // then
    assertThatThrownBy(() -> client.register("probes-value", SCHEMA))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("'id'");
  }

  @Test
  void shouldEncodeSubjectsInThePath() {
    // given
    server.answer("POST", "/subjects/my%20topic-value/versions", 200, "{\"id\":1}");

    // when
    int id = client.register("my topic-value", SCHEMA);

    // then
    assertThat(id).isEqualTo(1);
  }

  @Test
  void shouldKeepABasePathAndIgnoreATrailingSlash() {
    // given
    server.answer("GET", "/registry/schemas/ids/5", 200, "{\"schema\":" + quoted(SCHEMA_JSON) + "}");
    HttpSchemaRegistryClient prefixed =
        new HttpSchemaRegistryClient(URI.create(server.url() + "/registry/"));

    // then
    assertThat(prefixed.schemaById(5)).isEqualTo(SCHEMA);
  }

  @Test
  void shouldReportAnUnreachableRegistryNamingTheUrl() throws IOException {
    // given
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort);
    HttpSchemaRegistryClient unreachable = new HttpSchemaRegistryClient(url);

    // then
    assertThatThrownBy(() -> unreachable.schemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class,
            e -> assertThat(e.isRetriable()).isTrue())
        .hasMessageContaining(url.toString());
  }

  @Test
  void shouldTimeOutARegistryThatDoesNotAnswer() {
    // given
    server.hang("GET", "/schemas/ids/1");
    HttpSchemaRegistryClient impatient =
        new HttpSchemaRegistryClient(server.url(), Duration.ofMillis(300));

    // then
    assertThatThrownBy(() -> impatient.schemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("within 300 ms")
        .hasMessageContaining(server.url().toString());
  }

  @Test
  void shouldRefuseANonHttpUrl() {
    assertThatThrownBy(() -> new HttpSchemaRegistryClient(URI.create("mock://scope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mock://scope");
  }

  @Test
  void shouldSendTheGeneratedSchemasTextAsWritten() throws IOException {
    // given
    server.answer("POST", "/subjects/scene-actions-value/versions", 200, "{\"id\":1}");

    // when
    client.register("scene-actions-value", SceneAction.getClassSchema());

    // then
    String sent = new ObjectMapper().readTree(server.requests().get(0).body())
        .get("schema").asText();
    assertThat(sent).isEqualTo(SceneAction.getClassSchema().toString());
  }

  private static String quoted(String json) {
    try {
      return new ObjectMapper().writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
