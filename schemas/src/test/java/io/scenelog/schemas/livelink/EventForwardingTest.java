package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.SchemaEdits;
import io.scenelog.schemas.livelink.FrameException.Reason;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryUnavailableException;
import io.scenelog.schemas.wire.AvroSerializer;
import io.scenelog.schemas.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The bridge's fan-out path: scene-events values become event frames, re-encoded only when needed. */
class EventForwardingTest {

  private static final String TOPIC = "scene-events";
  private static final int PROTOCOL_ID = 7;

  private final FrameCodec codec = new FrameCodec();
  private final SceneEvent event = LivelinkSamples.event();

  @Test
  void shouldForwardTheAvroBytesOfTheProtocolsSchemaWithoutAskingForSchemas() {
    // given
    byte[] kafkaValue = kafkaValue(PROTOCOL_ID, codec.encode(Frame.of(event)));

    // when
    byte[] frame = codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> {
      throw new AssertionError("asked for the schema of id " + id);
    });

    // then: the same bytes as decoding and encoding again
    assertThat(frame).isEqualTo(codec.encode(Frame.of(event)));
    assertThat(frame[0]).isEqualTo((byte) Channel.EVENT.id());
    assertThat(codec.decode(frame).payload()).isEqualTo(event);
  }

  @Test
  void shouldNeitherDecodeNorValidateTheBytesOfTheProtocolsSchema() {
    // given: bytes that are no SceneEvent, under the protocol's id (platform-streams is trusted)
    byte[] kafkaValue = {0, 0, 0, 0, PROTOCOL_ID, (byte) 0xff, (byte) 0xff};

    // when
    byte[] frame = codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> null);

    // then: copied as they are; the client's decoder refuses them
    assertThat(frame).containsExactly(Channel.EVENT.id(), 0xff, 0xff);
  }

  @Test
  void shouldForwardWhatTheKafkaSerializerWrote() {
    // given: platform-streams' serializer and registry
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    byte[] kafkaValue;
    try (AvroSerializer<SceneEvent> serializer = new AvroSerializer<>(registry, false)) {
      kafkaValue = serializer.serialize(TOPIC, event);
    }
    int protocolId = registry.idOf(TOPIC + "-value", Channel.EVENT.payloadSchema());

    // when
    byte[] frame = codec.eventFrameFromConfluentBytes(kafkaValue, protocolId, registry::schemaById);

    // then
    assertThat(frame).isEqualTo(codec.encode(Frame.of(event)));
    assertThat(Arrays.copyOfRange(frame, 1, frame.length))
        .isEqualTo(Arrays.copyOfRange(kafkaValue, WireFormat.HEADER_SIZE, kafkaValue.length));
  }

  @Test
  void shouldForwardTheBytesOfTheSameSchemaUnderAnotherIdAskingOnce() {
    // given: the protocol's schema registered again with other docs (another id in a registry
    // that compares schema text)
    Schema sameWithOtherDocs = SchemaEdits.edit(Channel.EVENT.payloadSchema(),
        tree -> tree.put("doc", "registered by another tool"));
    byte[] kafkaValue = kafkaValue(12, codec.encode(Frame.of(event)));
    AtomicInteger asked = new AtomicInteger();
    IntFunction<Schema> writers = id -> {
      asked.incrementAndGet();
      return sameWithOtherDocs;
    };

    // when
    byte[] first = codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, writers);
    byte[] second = codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, writers);

    // then
    assertThat(first).isEqualTo(codec.encode(Frame.of(event))).isEqualTo(second);
    assertThat(asked).hasValue(1);
  }

  @Test
  void shouldReEncodeAnEventWrittenWithANewerSchemaIntoTheProtocols() {
    // given: a newer platform-streams wrote the event with a field the protocol does not have,
    // inserted before the others
    Schema newer = newerEventSchema();
    byte[] kafkaValue = kafkaValue(13, rewrite(codec.encode(Frame.of(event)), newer,
        Map.of("traceId", "4bf92f3577b34da6")));

    // when
    byte[] frame = codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> newer);

    // then: the protocol's bytes of the same event
    assertThat(frame).isEqualTo(codec.encode(Frame.of(event)));
  }

  @Test
  void shouldRefuseAValueThatIsNotInTheConfluentWireFormat() {
    for (byte[] value : new byte[][] {null, {}, {0, 0, 0, 7}, {1, 0, 0, 0, 7, 2}}) {
      // when
      FrameException refused = catchThrowableOfType(FrameException.class,
          () -> codec.eventFrameFromConfluentBytes(value, PROTOCOL_ID, id -> null));

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.channel()).isEqualTo(Channel.EVENT);
      assertThat(refused.getMessage()).contains("Confluent wire format");
    }
  }

  @Test
  void shouldRefuseAValueThatDoesNotDecodeWithItsWriterSchema() {
    // given: a heartbeat's bytes under the id of another SceneEvent schema
    byte[] kafkaValue = kafkaValue(21, codec.encode(Frame.of(LivelinkSamples.heartbeat())));

    // when
    FrameException refused = catchThrowableOfType(FrameException.class,
        () -> codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> newerEventSchema()));

    // then
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void shouldRefuseAValueWrittenWithAnotherRecordsSchema() {
    // given
    byte[] kafkaValue = kafkaValue(22, codec.encode(Frame.of(LivelinkSamples.heartbeat())));

    // when
    FrameException refused = catchThrowableOfType(FrameException.class,
        () -> codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID,
            id -> Heartbeat.getClassSchema()));

    // then
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
    assertThat(refused.getMessage()).contains("SceneEvent");
  }

  @Test
  void shouldRefuseAValueWhoseSchemaIdHasNoSchema() {
    // given
    byte[] kafkaValue = kafkaValue(23, codec.encode(Frame.of(event)));

    // when
    FrameException refused = catchThrowableOfType(FrameException.class,
        () -> codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> null));

    // then
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
    assertThat(refused.getMessage()).contains("schema id 23");
  }

  @Test
  void shouldLetTheRegistrysFailurePropagateUnchanged() {
    // given
    byte[] kafkaValue = kafkaValue(24, codec.encode(Frame.of(event)));
    SchemaRegistryUnavailableException unavailable =
        new SchemaRegistryUnavailableException("connection refused", "http://registry:8081", null);

    // then: retryable, so not a malformed frame
    assertThatThrownBy(() -> codec.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> {
      throw unavailable;
    })).isSameAs(unavailable);
  }

  @Test
  void shouldRefuseToForwardAnEventLargerThanTheFrameLimit() {
    // given
    byte[] kafkaValue = kafkaValue(PROTOCOL_ID, codec.encode(Frame.of(event)));
    FrameCodec small = new FrameCodec(kafkaValue.length - WireFormat.HEADER_SIZE);

    // when
    FrameException refused = catchThrowableOfType(FrameException.class,
        () -> small.eventFrameFromConfluentBytes(kafkaValue, PROTOCOL_ID, id -> null));

    // then: the channel byte makes it one byte too many
    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  /** SceneEvent as a newer platform-streams might write it: a field inserted before the others. */
  private static Schema newerEventSchema() {
    return SchemaEdits.edit(Channel.EVENT.payloadSchema(), tree -> {
      try {
        ((ArrayNode) tree.get("fields")).insert(0, new ObjectMapper().readTree(
            "{\"name\":\"traceId\",\"type\":\"string\",\"default\":\"\",\"doc\":\"Tracing.\"}"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A scene-events value: the Confluent header, then a frame's payload (its bytes after the channel). */
  private static byte[] kafkaValue(int schemaId, byte[] frame) {
    byte[] header = WireFormat.header(schemaId);
    byte[] value = Arrays.copyOf(header, header.length + frame.length - 1);
    System.arraycopy(frame, 1, value, header.length, frame.length - 1);
    return value;
  }

  /** The event of {@code frame} written with {@code schema}, with extra fields set. */
  private static byte[] rewrite(byte[] frame, Schema schema, Map<String, Object> extra) {
    try {
      GenericDatumReader<GenericRecord> reader =
          new GenericDatumReader<>(Channel.EVENT.payloadSchema(), schema);
      GenericRecord record = reader.read(null,
          DecoderFactory.get().binaryDecoder(frame, 1, frame.length - 1, null));
      extra.forEach(record::put);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(Channel.EVENT.id());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
