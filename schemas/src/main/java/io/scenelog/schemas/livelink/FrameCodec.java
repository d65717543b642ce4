package io.scenelog.schemas.livelink;

import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.schemas.livelink.FrameException.Reason;
import io.scenelog.schemas.livelink.internal.BoundedDecoder;
import io.scenelog.schemas.livelink.internal.FrameBuffer;
import io.scenelog.schemas.wire.PlainListSpecificData;
import io.scenelog.schemas.wire.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns Livelink {@link Frame}s into WebSocket binary messages and back: one byte with the {@link
 * Channel}'s id, then the plain Avro binary encoding of the payload with the channel's schema of
 * protocol version {@link LivelinkSchemas#PROTOCOL_VERSION} (not the Confluent wire format: the
 * agreed protocol version pins each channel's one schema, so frames carry no schema id).
 *
 * <p>Decoding trusts nothing: a frame longer than {@link #maxFrameBytes()} is refused before it is
 * read, every length and count inside it must fit in the bytes that remain (so a hostile frame
 * cannot make the reader allocate more than its own size), and bytes left over after the payload
 * are an error except on the handshake channels ({@link Channel#isHandshake()}), whose later
 * versions append fields. Every failure is a {@link FrameException} with a stable {@link
 * FrameException.Reason}; no Avro exception escapes.
 *
 * <p>Thread-safe and cheap to share: one codec per maximum frame size serves every connection. The
 * Avro readers and writers are built once; each thread reuses its own decoder, encoder and buffer.
 */
public final class FrameCodec {

  /** The default maximum frame size: 1 MiB, channel byte included. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

  /** Memory a thread keeps for encoding between frames; larger frames use a buffer once. */
  private static final int RETAINED_BUFFER_BYTES = 64 * 1024;

  private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::new);

  static {
    // Decoding instantiates nested generated records and enums by name (Avro 1.12.2 forbids that
    // by default), and so do the builders of records with record or array defaults.
    ScenelogSchemas.trustGeneratedClasses();
  }

  private final int maxFrameBytes;
  private final Map<Channel, DatumReader<SpecificRecord>> readers = new EnumMap<>(Channel.class);
  private final Map<Channel, DatumWriter<SpecificRecord>> writers = new EnumMap<>(Channel.class);
  private final ConcurrentMap<Integer, Optional<DatumReader<SceneEvent>>> eventReadersBySchemaId =
      new ConcurrentHashMap<>();

  /**
   * A codec that refuses frames longer than {@code maxFrameBytes} (channel byte included), both when
   * decoding and when encoding.
   *
   * @throws IllegalArgumentException when {@code maxFrameBytes} is less than 1
   */
  public FrameCodec(int maxFrameBytes) {
    if (maxFrameBytes < 1) {
      throw new IllegalArgumentException("maxFrameBytes must be at least 1, was " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
    for (Channel channel : Channel.values()) {
      SpecificData data = PlainListSpecificData.forClass(channel.payloadClass());
      Schema schema = channel.payloadSchema();
      readers.put(channel, new SpecificDatumReader<>(schema, schema, data));
      writers.put(channel, new SpecificDatumWriter<>(schema, data));
    }
  }

  /** A codec with the {@linkplain #DEFAULT_MAX_FRAME_BYTES default maximum frame size}. */
  public FrameCodec() {
    this(DEFAULT_MAX_FRAME_BYTES);
  }

  /** The largest frame, channel byte included, that this codec encodes or decodes. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /**
   * Encodes a frame as one WebSocket binary message.
   *
   * @throws FrameException UNENCODABLE when the payload does not fit its schema (a null in a
   *     required field), TOO_LARGE when the frame would exceed {@link #maxFrameBytes()}
   */
  public byte[] encode(Frame frame) {
    Objects.requireNonNull(frame, "frame");
    Channel channel = frame.channel();
    ThreadState state = STATE.get();
    FrameBuffer out = state.buffer;
    out.reset(maxFrameBytes);
    try {
      out.write(channel.id());
      state.encoder = EncoderFactory.get().directBinaryEncoder(out, state.encoder);
      writers.get(channel).write(frame.payload(), state.encoder);
      state.encoder.flush();
    } catch (FrameBuffer.LimitExceededException e) {
      throw new FrameException(Reason.TOO_LARGE, channel, "a " + channel.channelName()
          + " frame needs " + e.getMessage() + " bytes", e);
    } catch (IOException | RuntimeException e) {
      throw new FrameException(Reason.UNENCODABLE, channel, "the " + payloadName(channel)
          + " of a " + channel.channelName() + " frame does not fit its schema: " + e, e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes one WebSocket binary message, whatever its direction.
   *
   * @throws FrameException EMPTY, TOO_LARGE, UNKNOWN_CHANNEL or MALFORMED_PAYLOAD
   */
  public Frame decode(byte[] frame) {
    return decode(ByteBuffer.wrap(frame), null);
  }

  /**
   * Decodes the bytes of {@code frame} from its position to its limit, without moving its position.
   *
   * @throws FrameException EMPTY, TOO_LARGE, UNKNOWN_CHANNEL or MALFORMED_PAYLOAD
   */
  public Frame decode(ByteBuffer frame) {
    return decode(frame, null);
  }

  /**
   * Decodes a frame that travelled {@code travelling}: a bridge passes {@link
   * Direction#CLIENT_TO_SERVER}, a client {@link Direction#SERVER_TO_CLIENT}. A frame on a channel
   * of the other direction is refused before its payload is read.
   *
   * @param travelling the frame's direction, CLIENT_TO_SERVER or SERVER_TO_CLIENT, or null to
   *     accept any channel
   * @throws FrameException EMPTY, TOO_LARGE, UNKNOWN_CHANNEL, WRONG_DIRECTION or MALFORMED_PAYLOAD
   * @throws IllegalArgumentException when {@code travelling} is BOTH
   */
  public Frame decode(ByteBuffer frame, Direction travelling) {
    Objects.requireNonNull(frame, "frame");
    if (travelling == Direction.BOTH) {
      throw new IllegalArgumentException("A frame travels one way: CLIENT_TO_SERVER or SERVER_TO_CLIENT");
    }
    int size = frame.remaining();
    if (size == 0) {
      throw new FrameException(Reason.EMPTY, null, "a Livelink frame has at least its channel byte",
          null);
    }
    int id = frame.get(frame.position()) & 0xff;
    Channel channel = Channel.fromWire(id);
    if (size > maxFrameBytes) {
      throw new FrameException(Reason.TOO_LARGE, channel, "a frame of " + size + " bytes (channel id "
          + id + ") exceeds the limit of " + maxFrameBytes + " bytes", null);
    }
    if (channel == null) {
      throw new FrameException(Reason.UNKNOWN_CHANNEL, null, String.format(
          "no Livelink channel has id %d (0x%02x); frame of %d bytes", id, id, size), null);
    }
    if (travelling != null && !channel.direction().allows(travelling)) {
      throw new FrameException(Reason.WRONG_DIRECTION, channel, "channel " + channel.channelName()
          + " is " + channel.direction() + ", but the frame travelled " + travelling, null);
    }
    ByteBuffer payload = frame.duplicate();
    payload.position(payload.position() + 1);
    SpecificRecord record = read(channel, readers.get(channel), payload);
    return new Frame(channel, record);
  }

  /**
   * Turns the value of a {@code scene-events} record (Confluent wire format: magic byte 0, schema id,
   * Avro binary) into an event frame. When the record's schema id is {@code protocolSchemaId}, the
   * registry id of {@link Channel#EVENT}'s schema (or another id of the same schema), its Avro bytes
   * become the frame's payload as they are, without decoding or re-encoding: the bridge's fan-out
   * path. Otherwise the record is decoded with its writer schema and encoded with the protocol's
   * schema; the result is the same bytes that {@link #encode} makes of the decoded event. {@code
   * writerSchemas} is asked once per schema id other than {@code protocolSchemaId}.
   *
   * <p>The fast path does not validate the Avro bytes: they were written by platform-streams with
   * the protocol's schema, and a client decodes them with its own bounded decoder anyway.
   *
   * @param kafkaValue the record value as consumed
   * @param protocolSchemaId the registry id of the protocol's event schema
   *     ({@code registry.idOf("scene-events-value", Channel.EVENT.payloadSchema())})
   * @param writerSchemas the writer schema of a registry id, e.g. {@code registry::schemaById}; its
   *     exceptions (an unreachable registry) propagate unchanged
   * @throws FrameException MALFORMED_PAYLOAD when the value is not a Confluent-framed event
   *     decodable with its writer schema, TOO_LARGE when the frame would exceed {@link
   *     #maxFrameBytes()}
   */
  public byte[] eventFrameFromConfluentBytes(
      byte[] kafkaValue, int protocolSchemaId, IntFunction<Schema> writerSchemas) {
    Objects.requireNonNull(writerSchemas, "writerSchemas");
    if (kafkaValue == null || kafkaValue.length < WireFormat.HEADER_SIZE
        || kafkaValue[0] != WireFormat.MAGIC_BYTE) {
      throw new FrameException(Reason.MALFORMED_PAYLOAD, Channel.EVENT, "a scene-events value of "
          + (kafkaValue == null ? "no" : kafkaValue.length) + " bytes is not in the Confluent wire"
          + " format (magic byte 0, 4-byte schema id, Avro binary)", null);
    }
    int schemaId = ByteBuffer.wrap(kafkaValue, 1, Integer.BYTES).getInt();
    int avroBytes = kafkaValue.length - WireFormat.HEADER_SIZE;
    DatumReader<SceneEvent> reader = null;
    if (schemaId != protocolSchemaId) {
      reader = eventReadersBySchemaId
          .computeIfAbsent(schemaId, id -> eventReader(id, writerSchemas.apply(id)))
          .orElse(null);
    }
    if (reader == null) {
      // Written with the protocol's schema: the payload is the record's Avro bytes as they are.
      if (1 + avroBytes > maxFrameBytes) {
        throw new FrameException(Reason.TOO_LARGE, Channel.EVENT, "an event of " + avroBytes
            + " bytes makes a frame larger than the limit of " + maxFrameBytes + " bytes", null);
      }
      byte[] frame = new byte[1 + avroBytes];
      frame[0] = (byte) Channel.EVENT.id();
      System.arraycopy(kafkaValue, WireFormat.HEADER_SIZE, frame, 1, avroBytes);
      return frame;
    }
    SceneEvent event = read(Channel.EVENT, reader,
        ByteBuffer.wrap(kafkaValue, WireFormat.HEADER_SIZE, avroBytes));
    return encode(new Frame(Channel.EVENT, event));
  }

  /**
   * The reader that turns events written with {@code writer} into the protocol's, or none when
   * {@code writer} is the protocol's schema in another registry entry (same parsing canonical form,
   * so the same bytes: e.g. registered with other docs in a registry that compares text).
   */
  private static Optional<DatumReader<SceneEvent>> eventReader(int schemaId, Schema writer) {
    if (writer == null) {
      throw new FrameException(Reason.MALFORMED_PAYLOAD, Channel.EVENT, "the scene-events value's"
          + " schema id " + schemaId + " has no schema", null);
    }
    Schema protocol = Channel.EVENT.payloadSchema();
    if (SchemaNormalization.parsingFingerprint64(writer)
        == SchemaNormalization.parsingFingerprint64(protocol)) {
      return Optional.empty();
    }
    return Optional.of(new SpecificDatumReader<>(writer, protocol,
        PlainListSpecificData.forClass(SceneEvent.class)));
  }

  private static <T> T read(Channel channel, DatumReader<T> reader, ByteBuffer payload) {
    int size = payload.remaining();
    BoundedDecoder decoder = STATE.get().decoder.reset(payload);
    T record;
    int leftOver;
    try {
      record = reader.read(null, decoder);
      leftOver = decoder.remainingBytes();
    } catch (IOException | RuntimeException e) {
      // Avro reports bad data as EOF, AvroRuntimeException, or index and size errors alike.
      throw new FrameException(Reason.MALFORMED_PAYLOAD, channel, "a " + channel.channelName()
          + " payload of " + size + " bytes does not decode as " + payloadName(channel) + ": " + e, e);
    } finally {
      decoder.release();
    }
    if (leftOver > 0 && !channel.isHandshake()) {
      throw new FrameException(Reason.MALFORMED_PAYLOAD, channel, leftOver + " bytes are left over"
          + " after the " + payloadName(channel) + " of a " + channel.channelName() + " payload of "
          + size + " bytes", null);
    }
    return record;
  }

  private static String payloadName(Channel channel) {
    return channel.payloadClass().getSimpleName();
  }

  /** What each thread reuses across frames. */
  private static final class ThreadState {
    final BoundedDecoder decoder = new BoundedDecoder();
    final FrameBuffer buffer = new FrameBuffer(RETAINED_BUFFER_BYTES);
    BinaryEncoder encoder;
  }
}
