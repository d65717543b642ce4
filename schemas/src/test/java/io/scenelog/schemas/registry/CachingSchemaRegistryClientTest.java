package io.scenelog.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {

  private static final String SCHEMA_JSON =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final Schema SCHEMA = new Schema.Parser().parse(SCHEMA_JSON);

  private final FakeRegistryServer server = new FakeRegistryServer();
  private final CachingSchemaRegistryClient client =
      new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(server.url()));

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void shouldRegisterEachSchemaOncePerSubject() {
    // given
    server.answer("POST", "/subjects/a-value/versions", 200, "{\"id\":1}");
    server.answer("POST", "/subjects/b-value/versions", 200, "{\"id\":1}");

    // when
    for (int i = 0; i < 3; i++) {
      client.register("a-value", SCHEMA);
      client.register("b-value", SCHEMA);
    }

    // then
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldAnswerLookupsOfRegisteredSchemasFromTheCache() {
    // given
    server.answer("POST", "/subjects/a-value/versions", 200, "{\"id\":4}");
    client.register("a-value", SCHEMA);

    // when
    int id = client.idOf("a-value", SCHEMA);
    Schema byId = client.schemaById(4);

    // then
    assertThat(id).isEqualTo(4);
    assertThat(byId).isEqualTo(SCHEMA);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldFetchEachSchemaIdOnce() throws Exception {
    // given
    server.answer("GET", "/schemas/ids/2", 200,
        "{\"schema\":" + new ObjectMapper().writeValueAsString(SCHEMA_JSON) + "}");

    // when
    for (int i = 0; i < 5; i++) {
      assertThat(client.schemaById(2)).isEqualTo(SCHEMA);
    }

    // then
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldNotCacheFailures() {
    // given
    server.answer("GET", "/schemas/ids/8", 404,
        "{\"error_code\":40403,\"message\":\"Schema 8 not found\"}");
    assertThatThrownBy(() -> client.schemaById(8)).isInstanceOf(SchemaNotFoundException.class);

    // when
    assertThatThrownBy(() -> client.schemaById(8)).isInstanceOf(SchemaNotFoundException.class);

    // then
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void shouldAlwaysAskForTheLatestVersion() throws Exception {
    // given
    server.answer("GET", "/subjects/a-value/versions/latest", 200,
        "{\"subject\":\"a-value\",\"version\":1,\"id\":3,\"schema\":"
            + new ObjectMapper().writeValueAsString(SCHEMA_JSON) + "}");

    // when
    client.latest("a-value");
    client.latest("a-value");

    // then
    assertThat(server.requests()).hasSize(2);
  }
}
