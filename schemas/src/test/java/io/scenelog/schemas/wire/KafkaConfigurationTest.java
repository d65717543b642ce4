package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.SampleRecords;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaConfigurationTest {

  private final String scope = "config-test-" + UUID.randomUUID();
  private final Map<String, Object> configs = new HashMap<>();

  {
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    configs.put("bootstrap.servers", "ignored:9092");
  }

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistryClient.dropScope(scope);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldWorkWhenKafkaInstantiatesTheClassesByName() throws ClassNotFoundException {
    // given: what a producer and a consumer do with value.serializer / value.deserializer
    Serializer<SceneAction> serializer =
        Utils.newInstance(AvroSerializer.class.getName(), Serializer.class);
    Deserializer<SceneAction> deserializer =
        Utils.newInstance(SpecificAvroDeserializer.class.getName(), Deserializer.class);
    serializer.configure(configs, false);
    deserializer.configure(configs, false);

    // when
    byte[] bytes = serializer.serialize("scene-actions", SampleRecords.sceneAction());
    SceneAction read = deserializer.deserialize("scene-actions", bytes);

    // then
    assertThat(read).isEqualTo(SampleRecords.sceneAction());
    assertThat(InMemorySchemaRegistryClient.forScope(scope).subjects())
        .containsExactly("scene-actions-value");
  }

  @Test
  void shouldReturnGeneratedClassesFromTheGenericDeserializerWithSpecificReader() {
    // given
    configs.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
    GenericAvroSerde serde = new GenericAvroSerde();
    serde.configure(configs, false);
    AvroSerializer<SceneEvent> serializer = new AvroSerializer<>();
    serializer.configure(configs, false);

    // when
    GenericRecord read =
        serde.deserializer().deserialize("scene-events",
            serializer.serialize("scene-events", SampleRecords.sceneEvent()));

    // then
    assertThat(read).isInstanceOf(SceneEvent.class).isEqualTo(SampleRecords.sceneEvent());
  }

  @Test
  void shouldReadTheConfiguredValueType() {
    // given
    configs.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, SceneEvent.class.getName());
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(configs, false);

    // when
    SpecificRecord read =
        serde.deserializer().deserialize("scene-events",
            serde.serializer().serialize("scene-events", SampleRecords.sceneEvent()));

    // then
    assertThat(read).isInstanceOf(SceneEvent.class);
  }

  @Test
  void shouldOnlyLookUpWhenAutoRegisterIsFalseAsText() {
    // given
    configs.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
    AvroSerializer<SceneAction> serializer = new AvroSerializer<>();
    serializer.configure(configs, false);

    // then
    assertThatThrownBy(() -> serializer.serialize("scene-actions", SampleRecords.sceneAction()))
        .isInstanceOf(SchemaNotRegisteredException.class);
  }

  @Test
  void shouldRequireTheRegistryUrl() {
    // given
    configs.remove(AvroSerdeConfig.SCHEMA_REGISTRY_URL);

    // then
    assertThatThrownBy(() -> new AvroSerializer<SceneAction>().configure(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldRejectSeveralRegistryUrls() {
    // given
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081,http://b:8081");

    // then
    assertThatThrownBy(() -> new GenericAvroDeserializer().configure(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("only one");
  }

  @Test
  void shouldRejectAValueTypeThatIsNotAGeneratedClass() {
    // given
    configs.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, String.class.getName());

    // then
    assertThatThrownBy(() -> new SpecificAvroDeserializer<>().configure(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("specific.avro.value.type")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void shouldRejectANonHttpRegistryUrl() {
    // given
    configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "ftp://registry");

    // then
    assertThatThrownBy(() -> new AvroSerializer<SceneAction>().configure(configs, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ftp://registry");
  }
}
