package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.SampleRecords;
import io.scenelog.schemas.SchemaEdits;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SerializerTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void shouldRegisterValueSchemasUnderTopicValueSubject() {
    // given
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>(registry, false);

    // when
    serializer.serialize("scene-actions", SampleRecords.sceneAction());

    // then
    assertThat(registry.subjects()).containsExactly("scene-actions-value");
  }

  @Test
  void shouldRegisterKeySchemasUnderTopicKeySubject() {
    // given
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>(registry, true);

    // when
    serializer.serialize("scene-actions", SampleRecords.sceneAction());

    // then
    assertThat(registry.subjects()).containsExactly("scene-actions-key");
  }

  @Test
  void shouldAskTheRegistryOncePerSubjectAndSchema() {
    // given
    CountingRegistry counting = new CountingRegistry(registry);
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>(counting, false);

    // when
    for (int i = 0; i < 5; i++) {
      serializer.serialize("scene-actions", SampleRecords.sceneAction());
    }
    serializer.serialize("other-actions", SampleRecords.sceneAction());

    // then
    assertThat(counting.registrations).isEqualTo(2);
  }

  @Test
  void shouldOnlyLookUpWhenAutoRegistrationIsOff() {
    // given
    registry.register("scene-actions-value", SceneAction.getClassSchema());
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>(registry, false, false);

    // when
    byte[] bytes = serializer.serialize("scene-actions", SampleRecords.sceneAction());

    // then
    assertThat(WireFormat.schemaId("scene-actions", bytes)).isEqualTo(1);
    assertThat(registry.latest("scene-actions-value")).hasValueSatisfying(
        latest -> assertThat(latest.version()).isEqualTo(1));
  }

  @Test
  void shouldFailWhenAutoRegistrationIsOffAndTheSchemaIsUnknown() {
    // given
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>(registry, false, false);

    // then
    assertThatThrownBy(() -> serializer.serialize("scene-actions", SampleRecords.sceneAction()))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("scene-actions-value")
        .hasMessageContaining("io.scenelog.model.SceneAction")
        .hasMessageContaining("auto.register.schemas");
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void shouldReportARegistryRefusingAnIncompatibleSchema() {
    // given: the subject holds a NodeStatus without capacity, which the current one requires
    Schema withoutCapacity =
        SchemaEdits.edit(NodeStatus.getClassSchema(), SchemaEdits.removeField("capacity"));
    registry.register("render-nodes-value", withoutCapacity);
    AvroSerializer<NodeStatus> serializer = new AvroSerializer<>(registry, false);

    // then
    assertThatThrownBy(() -> serializer.serialize("render-nodes", SampleRecords.nodeStatus()))
        .isInstanceOf(SchemaRegistryFailureException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("render-nodes-value")
        .hasMessageContaining("capacity");
  }

  @Test
  void shouldReportAnUnreachableRegistryAsRetriable() throws IOException {
    // given: a port nobody listens on
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort);
    AvroSerializer<SceneAction> serializer =
        new AvroSerializer<>(new HttpSchemaRegistryClient(url, Duration.ofSeconds(2)), false);

    // then
    assertThatThrownBy(() -> serializer.serialize("scene-actions", SampleRecords.sceneAction()))
        .isInstanceOf(RegistryUnavailableException.class)
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining(url.toString());
  }

  @Test
  void shouldRefuseToSerializeBeforeBeingConfigured() {
    // given
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>();

    // then
    assertThatThrownBy(() -> serializer.serialize("scene-actions", SampleRecords.sceneAction()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema.registry.url");
  }

  /** A registry that counts the registrations reaching it. */
  private static final class CountingRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private int registrations;

    CountingRegistry(SchemaRegistryClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
      registrations++;
      return delegate.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      return delegate.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      return delegate.schemaById(id);
    }

    @Override
    public java.util.Optional<io.scenelog.schemas.registry.RegisteredSchema> latest(
        String subject) {
      return delegate.latest(subject);
    }

    @Override
    public String location() {
      return delegate.location();
    }
  }
}
