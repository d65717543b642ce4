package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.SampleRecords;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  private static final String TOPIC = "round-trip";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static Stream<SpecificRecord> topLevelRecords() {
    return SampleRecords.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelRecords")
  void shouldReadBackEverySpecificRecordUnchanged(SpecificRecord record) {
    // given
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
    SpecificAvroSerde<SpecificRecord> serde = AvroSerdes.specific(type, registry, false);

    // when
    byte[] bytes = serde.serializer().serialize(TOPIC, record);
    SpecificRecord read = serde.deserializer().deserialize(TOPIC, bytes);

    // then
    assertThat(read).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelRecords")
  void shouldReadEveryRecordAsGenericAndWriteTheSameBytesBack(SpecificRecord record) {
    // given
    AvroSerializer<SpecificRecord> specificSerializer = new AvroSerializer<>(registry, false);
    GenericAvroSerde generic = AvroSerdes.generic(registry, false);
    byte[] written = specificSerializer.serialize(TOPIC, record);

    // when
    GenericRecord asGeneric = generic.deserializer().deserialize(TOPIC, written);
    byte[] rewritten = generic.serializer().serialize(TOPIC, asGeneric);

    // then
    assertThat(asGeneric.getSchema().getFullName()).isEqualTo(record.getSchema().getFullName());
    assertThat(rewritten).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelRecords")
  void shouldReadGenericBytesAsTheGeneratedClass(SpecificRecord record) {
    // given
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
    GenericRecord generic =
        AvroSerdes.generic(registry, false)
            .deserializer()
            .deserialize(TOPIC, new AvroSerializer<>(registry, false).serialize(TOPIC, record));
    byte[] genericBytes = new AvroSerializer<GenericRecord>(registry, false).serialize(TOPIC,
        generic);

    // when
    SpecificRecord read =
        AvroSerdes.specific(type, registry, false).deserializer().deserialize(TOPIC, genericBytes);

    // then
    assertThat(read).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topLevelRecords")
  void shouldRegisterEachRecordTypeOnceUnderTheValueSubject(SpecificRecord record) {
    // given
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, false);

    // when
    byte[] first = serializer.serialize(TOPIC, record);
    byte[] second = serializer.serialize(TOPIC, record);

    // then
    assertThat(registry.subjects()).containsExactly(TOPIC + "-value");
    assertThat(registry.latest(TOPIC + "-value")).hasValueSatisfying(
        latest -> assertThat(latest.version()).isEqualTo(1));
    assertThat(second).isEqualTo(first);
  }
}
