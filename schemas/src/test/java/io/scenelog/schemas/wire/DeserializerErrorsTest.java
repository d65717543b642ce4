package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.SceneAction;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.SampleRecords;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeserializerErrorsTest {

  private static final String TOPIC = "scene-actions";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SpecificAvroSerde<SceneAction> serde =
      AvroSerdes.specific(SceneAction.class, registry, false);
  private final GenericAvroSerde generic = AvroSerdes.generic(registry, false);

  @Test
  void shouldTurnNullBytesIntoNullRecord() {
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(generic.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldTurnNullRecordIntoNullBytes() {
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(generic.serializer().serialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldRejectWrongMagicByteInSpecificDeserializer() {
    // given
    byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.sceneAction());
    bytes[0] = 1;

    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(InvalidMagicByteException.class)
        .hasMessageContaining("0x01");
  }

  @Test
  void shouldRejectEmptyRecordAsTruncated() {
    assertThatThrownBy(() -> generic.deserializer().deserialize(TOPIC, new byte[0]))
        .isInstanceOf(TruncatedRecordException.class)
        .hasMessageContaining("0 bytes");
  }

  @Test
  void shouldNameTheUnknownSchemaIdAndTheRegistry() {
    // given: a header naming id 99, which the registry never assigned
    byte[] bytes = {0, 0, 0, 0, 99, 2};

    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 99")
        .hasMessageContaining(registry.location())
        .satisfies(e -> assertThat(((UnknownSchemaIdException) e).schemaId()).isEqualTo(99));
  }

  @Test
  void shouldRejectAPayloadCutShort() {
    // given
    byte[] whole = serde.serializer().serialize(TOPIC, SampleRecords.sceneAction());
    byte[] cut = Arrays.copyOf(whole, whole.length - 10);

    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, cut))
        .isInstanceOf(UndecodablePayloadException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.scenelog.model.SceneAction")
        .hasMessageContaining("id 1");
  }

  @Test
  void shouldRejectAPayloadWithBytesLeftOver() {
    // given
    byte[] whole = generic.serializer().serialize(TOPIC,
        generic.deserializer().deserialize(TOPIC,
            serde.serializer().serialize(TOPIC, SampleRecords.sceneAction())));
    byte[] longer = Arrays.copyOf(whole, whole.length + 3);

    // then
    assertThatThrownBy(() -> generic.deserializer().deserialize(TOPIC, longer))
        .isInstanceOf(UndecodablePayloadException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void shouldRejectAPayloadWithANegativeStringLength() {
    // given: SceneAction starts with actionId, a UUID string: length 36 (zig-zag 72 = 0x48)
    byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.sceneAction());
    bytes[WireFormat.HEADER_SIZE] = 0x7f; // a negative length of -64

    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(UndecodablePayloadException.class);
  }

  @Test
  void shouldRejectARecordOfAnotherTypeNamingBothSchemas() {
    // given: a SessionRecord on a topic read as SceneAction
    byte[] bytes =
        new AvroSerializer<SessionRecord>(registry, false)
            .serialize(TOPIC, SampleRecords.sessionRecord());

    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(IncompatibleWriterSchemaException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.scenelog.model.SessionRecord")
        .hasMessageContaining("io.scenelog.model.SceneAction")
        .hasMessageContaining("NAME_MISMATCH");
  }

  @Test
  void shouldRefuseToEncodeARecordMissingARequiredField() {
    // given: a generic copy of an action whose required clientId is null
    GenericRecord action =
        generic.deserializer().deserialize(TOPIC,
            serde.serializer().serialize(TOPIC, SampleRecords.sceneAction()));
    action.put("clientId", null);

    // then
    assertThatThrownBy(() -> generic.serializer().serialize(TOPIC, action))
        .isInstanceOf(UnencodableRecordException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.scenelog.model.SceneAction")
        .hasMessageContaining(TOPIC);
  }
}
