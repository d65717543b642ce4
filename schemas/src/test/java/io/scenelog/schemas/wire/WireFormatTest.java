package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.ReasonCode;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void shouldWriteMagicByteAndBigEndianSchemaIdForIdOne() {
    // when
    byte[] header = WireFormat.header(1);

    // then
    assertThat(HexFormat.of().formatHex(header)).isEqualTo("0000000001");
  }

  @Test
  void shouldWriteSchemaIdBigEndian() {
    // when
    byte[] header = WireFormat.header(0x01020304);

    // then
    assertThat(HexFormat.of().formatHex(header)).isEqualTo("0001020304");
  }

  @Test
  void shouldEncodeGoldenBytesForTheFirstRegisteredSchema() {
    // given
    AvroSerializer<Vec3> serializer =
        new AvroSerializer<>(new InMemorySchemaRegistryClient(), false);

    // when
    byte[] bytes = serializer.serialize("points", new Vec3(1.0, 2.0, -0.5));

    // then: header with id 1, then three little-endian IEEE 754 doubles (Avro binary)
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo("0000000001" + "000000000000f03f" + "0000000000000040" + "000000000000e0bf");
  }

  @Test
  void shouldReadTheSchemaIdFromTheHeader() {
    // given
    byte[] record = {0, 0, 0, 1, 2, 42};

    // when
    int id = WireFormat.schemaId("t", record);

    // then
    assertThat(id).isEqualTo(258);
  }

  @Test
  void shouldRejectAWrongMagicByteNamingTheByteFound() {
    // given: a JSON record where an Avro one was expected
    byte[] record = "{\"sceneId\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // then
    assertThatThrownBy(() -> WireFormat.schemaId("scene-actions", record))
        .isInstanceOf(InvalidMagicByteException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("0x7b")
        .hasMessageContaining("scene-actions");
  }

  @Test
  void shouldRejectARecordShorterThanTheHeader() {
    // given
    byte[] record = {0, 0, 1};

    // then
    assertThatThrownBy(() -> WireFormat.schemaId("scene-actions", record))
        .isInstanceOf(TruncatedRecordException.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes")
        .hasMessageContaining("scene-actions");
  }

  @Test
  void shouldKeepReasonCodeWireIdsAppendOnly() {
    // given: the permanent wire ids (Avro writes an enum as the symbol's index)
    List<String> permanent =
        List.of("UNKNOWN", "UNAUTHORIZED", "FORBIDDEN_PERSIST", "UNKNOWN_SCENE",
            "UNKNOWN_SESSION", "UNKNOWN_ENTITY", "ENTITY_EXISTS", "VERSION_CONFLICT", "INVALID",
            "DUPLICATE", "RATE_LIMITED", "ALREADY_EXISTS");

    // when
    List<String> symbols = ReasonCode.getClassSchema().getEnumSymbols();

    // then: new codes may follow, the known ones keep their positions
    assertThat(symbols.subList(0, permanent.size())).isEqualTo(permanent);
    assertThat(Arrays.stream(ReasonCode.values()).map(Enum::name).toList()).isEqualTo(symbols);
  }
}
