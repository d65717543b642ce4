package io.scenelog.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.schemas.SampleRecords;
import io.scenelog.schemas.SchemaEdits;
import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

  private static final String TOPIC = "render-nodes";

  // NONE: these tests write versions a real subject would refuse, to see what readers do.
  private final InMemorySchemaRegistryClient registry =
      new InMemorySchemaRegistryClient(CompatibilityLevel.NONE);
  private final AvroSerializer<GenericRecord> writer = new AvroSerializer<>(registry, false);
  private final SpecificAvroDeserializer<NodeStatus> reader =
      new SpecificAvroDeserializer<>(NodeStatus.class, registry, false);

  @Test
  void shouldFillFieldsAnOlderWriterLackedWithTheirDefaults() {
    // given: version 0 of NodeStatus had no frameEndpoint
    Schema older =
        SchemaEdits.edit(NodeStatus.getClassSchema(), SchemaEdits.removeField("frameEndpoint"));
    NodeStatus sample = SampleRecords.nodeStatus();
    sample.setFrameEndpoint("tcp://ignored");
    GenericRecord old = copy(sample, older);

    // when
    NodeStatus read = reader.deserialize(TOPIC, writer.serialize(TOPIC, old));

    // then
    assertThat(read.getFrameEndpoint()).isNull();
    assertThat(read.getNodeId()).isEqualTo(sample.getNodeId());
    assertThat(read.getSessions()).isEqualTo(sample.getSessions());
    assertThat(read.getHeartbeatAt()).isEqualTo(sample.getHeartbeatAt());
  }

  @Test
  void shouldReadANewerWritersUnknownEnumSymbolAsTheDefault() {
    // given: a later NodeStatus with a MAINTENANCE state and a gpuLoad field
    Schema newer =
        SchemaEdits.edit(NodeStatus.getClassSchema(), tree -> {
          SchemaEdits.enumSymbols("NodeState", "UP", "DRAINING", "DOWN", "MAINTENANCE")
              .accept(tree);
          SchemaEdits.addField(
              "{\"name\":\"gpuLoad\",\"type\":\"double\",\"default\":0.0,\"doc\":\"GPU load.\"}")
              .accept(tree);
        });
    GenericRecord record = copy(SampleRecords.nodeStatus(), newer);
    Schema stateSchema = newer.getField("status").schema();
    record.put("status", new GenericData.EnumSymbol(stateSchema, "MAINTENANCE"));
    record.put("gpuLoad", 0.5);

    // when
    NodeStatus read = reader.deserialize(TOPIC, writer.serialize(TOPIC, record));

    // then: the reader's enum default, and the unknown field skipped
    assertThat(read.getStatus()).isEqualTo(NodeState.DRAINING);
    assertThat(read.getCpuLoad()).isEqualTo(SampleRecords.nodeStatus().getCpuLoad());
  }

  @Test
  void shouldRefuseAWriterThatDroppedARequiredFieldNamingTheField() {
    // given: a NodeStatus written without capacity, which has no default
    Schema withoutCapacity =
        SchemaEdits.edit(NodeStatus.getClassSchema(), SchemaEdits.removeField("capacity"));
    byte[] bytes = writer.serialize(TOPIC, copy(SampleRecords.nodeStatus(), withoutCapacity));

    // then
    assertThatThrownBy(() -> reader.deserialize(TOPIC, bytes))
        .isInstanceOf(IncompatibleWriterSchemaException.class)
        .hasMessageContaining("capacity")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  /** The fields of {@code record} that {@code target} also has, as a record of {@code target}. */
  private static GenericRecord copy(NodeStatus record, Schema target) {
    GenericRecordBuilder builder = new GenericRecordBuilder(target);
    for (Schema.Field field : target.getFields()) {
      Schema.Field source = record.getSchema().getField(field.name());
      if (source == null) {
        continue;
      }
      Object value = record.get(source.pos());
      if (value instanceof Enum) {
        value = new GenericData.EnumSymbol(field.schema(), value.toString());
      }
      builder.set(field, value);
    }
    return builder.build();
  }
}
