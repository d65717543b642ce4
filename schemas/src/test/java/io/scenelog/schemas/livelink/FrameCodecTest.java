package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.schemas.livelink.FrameException.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  private static final HexFormat HEX = HexFormat.of();

  private final FrameCodec codec = new FrameCodec();

  @Nested
  class RoundTrips {

    @Test
    void shouldDecodeWhatItEncodedForEverySample() {
      for (Map.Entry<String, Frame> sample : LivelinkSamples.all().entrySet()) {
        // when
        Frame decoded = codec.decode(codec.encode(sample.getValue()));

        // then
        assertThat(decoded).as(sample.getKey()).isEqualTo(sample.getValue());
      }
    }

    @Test
    void shouldStartEveryFrameWithItsChannelId() {
      for (Frame sample : LivelinkSamples.all().values()) {
        assertThat(codec.encode(sample)[0] & 0xff).isEqualTo(sample.channel().id());
      }
    }

    @Test
    void shouldDecodeFromTheBuffersPositionWithoutMovingIt() {
      // given: a frame in the middle of a larger buffer
      byte[] frame = codec.encode(Frame.of(LivelinkSamples.heartbeat()));
      ByteBuffer buffer = ByteBuffer.allocate(frame.length + 8);
      buffer.position(3);
      buffer.put(frame);
      buffer.position(3).limit(3 + frame.length);

      // when
      Frame decoded = codec.decode(buffer);

      // then
      assertThat(decoded.payload()).isEqualTo(LivelinkSamples.heartbeat());
      assertThat(buffer.position()).isEqualTo(3);
      assertThat(buffer.limit()).isEqualTo(3 + frame.length);
    }

    @Test
    void shouldDecodeDirectAndReadOnlyBuffers() {
      // given
      byte[] frame = codec.encode(Frame.of(LivelinkSamples.welcome()));
      ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
      ByteBuffer readOnly = ByteBuffer.wrap(frame).asReadOnlyBuffer();

      // then
      assertThat(codec.decode(direct).payload()).isEqualTo(LivelinkSamples.welcome());
      assertThat(codec.decode(readOnly).payload()).isEqualTo(LivelinkSamples.welcome());
    }

    @Test
    void shouldAcceptEveryChannelInItsOwnDirection() {
      for (Frame sample : LivelinkSamples.all().values()) {
        // given
        Direction travelling = sample.channel().direction() == Direction.SERVER_TO_CLIENT
            ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;

        // then
        assertThat(codec.decode(ByteBuffer.wrap(codec.encode(sample)), travelling)).isEqualTo(sample);
      }
    }

    @Test
    void shouldEncodeAndDecodeTheSameFromManyThreadsAtOnce() throws Exception {
      // given
      List<Frame> samples = List.copyOf(LivelinkSamples.all().values());
      List<byte[]> expected = samples.stream().map(codec::encode).toList();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          int checked = 0;
          for (int round = 0; round < 200; round++) {
            for (int i = 0; i < samples.size(); i++) {
              byte[] bytes = codec.encode(samples.get(i));
              assertThat(bytes).isEqualTo(expected.get(i));
              assertThat(codec.decode(bytes)).isEqualTo(samples.get(i));
              checked++;
            }
          }
          return checked;
        });
      }

      // when
      try {
        List<Future<Integer>> results = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);

        // then
        for (Future<Integer> result : results) {
          assertThat(result.get()).isEqualTo(200 * samples.size());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Refusals {

    @Test
    void shouldRefuseAnEmptyMessage() {
      // when
      FrameException refused = refuse(new byte[0]);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.EMPTY);
      assertThat(refused.channel()).isNull();
      assertThat(refused.getMessage()).startsWith("EMPTY: ");
    }

    @Test
    void shouldRefuseChannelZeroUnassignedAndReservedIds() {
      for (int id : new int[] {0, 15, 128, 255}) {
        // when
        FrameException refused = refuse(new byte[] {(byte) id, 0x02});

        // then
        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_CHANNEL);
        assertThat(refused.channel()).isNull();
        assertThat(refused.getMessage()).contains("id " + id);
      }
    }

    @Test
    void shouldRefuseAFrameLargerThanTheLimitBeforeReadingIt() {
      // given
      FrameCodec small = new FrameCodec(16);
      byte[] welcome = codec.encode(Frame.of(LivelinkSamples.welcome()));

      // when
      FrameException refused = catchThrowableOfType(FrameException.class, () -> small.decode(welcome));

      // then
      assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
      assertThat(refused.channel()).isEqualTo(Channel.WELCOME);
      assertThat(refused.getMessage()).contains(welcome.length + " bytes").contains("16 bytes");
      assertThat(refused.reason().disconnectReason()).isEqualTo(DisconnectReason.MESSAGE_TOO_LARGE);
    }

    @Test
    void shouldAcceptAFrameOfExactlyTheLimit() {
      // given
      byte[] heartbeat = codec.encode(Frame.of(LivelinkSamples.heartbeat()));

      // then
      assertThat(new FrameCodec(heartbeat.length).decode(heartbeat).channel()).isEqualTo(Channel.HEARTBEAT);
    }

    @Test
    void shouldRefuseToEncodeAFrameLargerThanTheLimit() {
      // given: a video frame of 1 MiB for a codec of 64 KiB
      VideoFrame video = VideoFrame.newBuilder(LivelinkSamples.video())
          .setData(ByteBuffer.wrap(new byte[1 << 20]))
          .build();
      FrameCodec small = new FrameCodec(64 * 1024);

      // when
      FrameException refused =
          catchThrowableOfType(FrameException.class, () -> small.encode(Frame.of(video)));

      // then
      assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
      assertThat(refused.channel()).isEqualTo(Channel.VIDEO);
      assertThat(refused.getMessage()).contains("65536");
    }

    @Test
    void shouldRefuseAFrameOnAChannelOfTheOtherDirection() {
      // given: a client sending an event, a bridge sending a hello
      ByteBuffer event = ByteBuffer.wrap(codec.encode(Frame.of(LivelinkSamples.event())));
      ByteBuffer hello = ByteBuffer.wrap(codec.encode(Frame.of(LivelinkSamples.hello())));

      // when
      FrameException fromClient = catchThrowableOfType(FrameException.class,
          () -> codec.decode(event, Direction.CLIENT_TO_SERVER));
      FrameException fromServer = catchThrowableOfType(FrameException.class,
          () -> codec.decode(hello, Direction.SERVER_TO_CLIENT));

      // then
      assertThat(fromClient.reason()).isEqualTo(Reason.WRONG_DIRECTION);
      assertThat(fromClient.channel()).isEqualTo(Channel.EVENT);
      assertThat(fromServer.reason()).isEqualTo(Reason.WRONG_DIRECTION);
      assertThat(fromServer.reason().disconnectReason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void shouldRefuseBytesLeftOverAfterThePayload() {
      // given
      byte[] heartbeat = withExtra(codec.encode(Frame.of(LivelinkSamples.heartbeat())), 0x00);

      // when
      FrameException refused = refuse(heartbeat);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.channel()).isEqualTo(Channel.HEARTBEAT);
      assertThat(refused.getMessage()).contains("1 bytes are left over");
    }

    @Test
    void shouldReadTheKnownFieldsOfAHandshakeFromANewerVersion() {
      // given: a Hello of a later version, with fields appended after those of version 1
      byte[] newer = withExtra(codec.encode(Frame.of(LivelinkSamples.hello())), 0x02, 0x54, 0x06);

      // when
      Frame decoded = codec.decode(newer);

      // then
      assertThat(decoded.payload()).isEqualTo(LivelinkSamples.hello());
    }

    @Test
    void shouldRefuseEveryTruncationOfEveryFrame() {
      for (Map.Entry<String, Frame> sample : LivelinkSamples.all().entrySet()) {
        byte[] frame = codec.encode(sample.getValue());
        for (int length = 1; length < frame.length; length++) {
          // when
          FrameException refused = refuse(Arrays.copyOf(frame, length));

          // then
          assertThat(refused.reason())
              .as("%s cut to %d of %d bytes", sample.getKey(), length, frame.length)
              .isEqualTo(Reason.MALFORMED_PAYLOAD);
        }
      }
    }

    @Test
    void shouldRefuseAStringLongerThanTheFrame() {
      // given: a Hello (protocol 1, min 1) whose token claims 2^31 bytes
      byte[] frame = frame(Channel.HELLO, "02" + "02" + varint(1L << 31) + "41");

      // when
      FrameException refused = refuse(frame);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.getMessage()).contains("a string of 2147483648 bytes");
    }

    @Test
    void shouldRefuseANegativeLength() {
      // when
      FrameException refused = refuse(frame(Channel.HELLO, "02" + "02" + varint(-5) + "41"));

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.getMessage()).contains("a string of -5 bytes");
    }

    @Test
    void shouldRefuseBytesLongerThanTheFrame() {
      // given: a video frame whose data claims 100 MB, the fields before it as in the sample
      byte[] sample = codec.encode(Frame.of(LivelinkSamples.video()));
      byte[] header = Arrays.copyOf(sample, sample.length - 9);
      byte[] frame = concat(header, HEX.parseHex(varint(100_000_000L)));

      // when
      FrameException refused = refuse(frame);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.getMessage()).contains("a bytes of 100000000 bytes");
    }

    @Test
    void shouldRefuseAnArrayOfMoreItemsThanTheFrameHasBytes() {
      // given: an Input whose events array claims 2^40 items
      byte[] frame = frame(Channel.INPUT, varint(1L << 40) + "00");

      // when
      FrameException refused = refuse(frame);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.getMessage()).contains("array block of 1099511627776 items");
    }

    @Test
    void shouldRefuseASizedArrayBlockLongerThanTheFrame() {
      // given: a negative count announces a block size in bytes, here 2^33
      byte[] frame = frame(Channel.INPUT, varint(-1) + varint(1L << 33) + "00");

      // when
      FrameException refused = refuse(frame);

      // then
      assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refused.getMessage()).contains("array block of 8589934592 bytes");
    }

    @Test
    void shouldRefuseAnOverlongNumber() {
      // given: a heartbeat whose kind is an int of eleven continuation bytes
      byte[] frame = frame(Channel.HEARTBEAT, "ffffffffffffffffffffff01");

      // then
      assertThat(refuse(frame).reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void shouldRefuseAnUnknownUnionBranchOrEnumSymbol() {
      // given: Control's command union has 3 branches; Heartbeat's kind enum 3 symbols
      byte[] command = frame(Channel.CONTROL, varint(9) + "00");
      byte[] kind = frame(Channel.HEARTBEAT, varint(99) + "06" + "02" + "02" + "00");

      // then
      assertThat(refuse(command).reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
      assertThat(refuse(kind).reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void shouldRefuseABooleanThatIsNeitherZeroNorOne() {
      // given: a Configure without video is union index 0; VideoFrame.keyFrame follows frameNumber
      byte[] frame = frame(Channel.VIDEO, "00" + "07");

      // then
      assertThat(refuse(frame).getMessage()).contains("boolean");
    }

    @Test
    void shouldThrowOnlyFrameExceptionsForRandomBytesOnEveryChannel() {
      // given
      Random random = new Random(20_260_324L);
      int decoded = 0;

      for (int i = 0; i < 20_000; i++) {
        byte[] frame = new byte[1 + random.nextInt(64)];
        random.nextBytes(frame);
        frame[0] = (byte) Channel.values()[random.nextInt(Channel.values().length)].id();

        // when / then: decoding either works or fails with a FrameException, never otherwise
        try {
          codec.decode(frame);
          decoded++;
        } catch (FrameException expected) {
          assertThat(expected.reason()).isIn(Reason.MALFORMED_PAYLOAD);
        }
      }
      assertThat(decoded).isLessThan(20_000);
    }

    @Test
    void shouldThrowOnlyFrameExceptionsForCorruptedSamples() {
      // given
      Random random = new Random(7L);
      List<byte[]> frames = LivelinkSamples.all().values().stream().map(codec::encode).toList();

      for (int i = 0; i < 20_000; i++) {
        byte[] frame = frames.get(random.nextInt(frames.size())).clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          frame[1 + random.nextInt(frame.length - 1)] = (byte) random.nextInt(256);
        }

        // when / then
        try {
          codec.decode(frame);
        } catch (FrameException expected) {
          assertThat(expected.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        }
      }
    }

    @Test
    void shouldRefuseToEncodeARecordThatDoesNotFitItsSchema() {
      // given: a Hello without its required token
      Hello hello = new Hello(1, 1, null, false, List.of(), null, "", "");

      // when
      FrameException refused =
          catchThrowableOfType(FrameException.class, () -> codec.encode(Frame.of(hello)));

      // then
      assertThat(refused.reason()).isEqualTo(Reason.UNENCODABLE);
      assertThat(refused.channel()).isEqualTo(Channel.HELLO);
      assertThat(refused.getMessage()).contains("Hello");
    }

    @Test
    void shouldRefuseACommandWithoutABranch() {
      assertThatThrownBy(() -> codec.encode(Frame.of(new Control(null))))
          .isInstanceOfSatisfying(FrameException.class,
              refused -> assertThat(refused.reason()).isEqualTo(Reason.UNENCODABLE));
    }

    @Test
    void shouldRefuseALimitBelowOneByte() {
      assertThatThrownBy(() -> new FrameCodec(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxFrameBytes");
    }

    private FrameException refuse(byte[] frame) {
      FrameException refused = catchThrowableOfType(FrameException.class, () -> codec.decode(frame));
      assertThat(refused).as("decoding %s", HEX.formatHex(frame)).isNotNull();
      return refused;
    }
  }

  private static byte[] frame(Channel channel, String payloadHex) {
    return concat(new byte[] {(byte) channel.id()}, HEX.parseHex(payloadHex));
  }

  private static byte[] withExtra(byte[] frame, int... extra) {
    byte[] longer = Arrays.copyOf(frame, frame.length + extra.length);
    for (int i = 0; i < extra.length; i++) {
      longer[frame.length + i] = (byte) extra[i];
    }
    return longer;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Avro's zig-zag variable-length encoding of {@code value}, in hex. */
  static String varint(long value) {
    long zigZag = (value << 1) ^ (value >> 63);
    StringBuilder hex = new StringBuilder();
    while ((zigZag & ~0x7fL) != 0) {
      hex.append(String.format("%02x", (zigZag & 0x7f) | 0x80));
      zigZag >>>= 7;
    }
    return hex.append(String.format("%02x", zigZag)).toString();
  }
}
