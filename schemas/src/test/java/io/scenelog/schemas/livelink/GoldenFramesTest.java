package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of every Livelink frame layout: each sample of {@link LivelinkSamples} must
 * encode to the bytes in {@code src/test/resources/livelink/golden/<name>.hex}, and those bytes
 * must decode to the sample. Browsers, headless clients and bridges of other versions hold these
 * layouts: a change that alters them breaks every peer already deployed.
 */
class GoldenFramesTest {

  static final String PERMANENT = "frames are permanent: add a field with a default or a new channel"
      + " instead (in a new protocol version, see schemas/README.md, Livelink protocol)";

  private static final String FOLDER = "/livelink/golden/";
  private static final HexFormat HEX = HexFormat.of();

  private final FrameCodec codec = new FrameCodec();

  static Stream<Arguments> samples() {
    return LivelinkSamples.all().entrySet().stream()
        .map(sample -> Arguments.of(sample.getKey(), sample.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldEncodeTheSampleToItsGoldenBytes(String name, Frame sample) {
    // given
    byte[] golden = golden(name, sample);

    // when
    byte[] encoded = codec.encode(sample);

    // then
    assertThat(HEX.formatHex(encoded))
        .as("The %s frame no longer encodes to its golden bytes (%s.hex): %s", name, name, PERMANENT)
        .isEqualTo(HEX.formatHex(golden));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldDecodeTheGoldenBytesToTheSample(String name, Frame sample) {
    // given
    byte[] golden = golden(name, sample);

    // when
    Frame decoded;
    try {
      decoded = codec.decode(golden);
    } catch (FrameException e) {
      throw new AssertionError("The golden " + name + " frame (" + name + ".hex) no longer decodes: "
          + PERMANENT, e);
    }

    // then
    assertThat(decoded)
        .as("The golden %s frame (%s.hex) no longer decodes to its sample: %s", name, name, PERMANENT)
        .isEqualTo(sample);
  }

  @Test
  void shouldHaveAGoldenFrameForEveryChannel() {
    // given
    Map<String, Frame> samples = LivelinkSamples.all();

    // then
    for (Channel channel : Channel.values()) {
      assertThat(samples.get(channel.channelName()))
          .as("the golden sample of channel %s", channel.channelName())
          .isNotNull()
          .extracting(Frame::channel)
          .isEqualTo(channel);
      assertThat(resource(channel.channelName())).as("%s.hex", channel.channelName()).isNotNull();
    }
  }

  @Test
  void shouldPinTheHeartbeatLayoutByHand() {
    // given: 0e = channel 14; then Avro binary: kind PING = index 1 -> zig-zag 02; sequence 3 -> 06;
    // pingSentMicros 123456789 -> aa b4 de 75; sentAt 1763000000123 ms -> f6 e7 c6 b1 a7 66;
    // sceneVersion: union branch 1 (long) -> 02, then 42 -> 54
    String byHand = "0e" + "02" + "06" + "aab4de75" + "f6f9e8afcf66" + "02" + "54";

    // then
    assertThat(HEX.formatHex(codec.encode(Frame.of(LivelinkSamples.heartbeat())))).isEqualTo(byHand);
  }

  /** The golden bytes of {@code name}; fails with the file to create when it does not exist yet. */
  private byte[] golden(String name, Frame sample) {
    String text = resource(name);
    if (text == null) {
      fail("No golden frame %s%s.hex. For a NEW sample only, create it with this content:%n%s", FOLDER,
          name, GoldenFile.render(name, sample, codec.encode(sample)));
    }
    return GoldenFile.parse(text);
  }

  private static String resource(String name) {
    try (InputStream in = GoldenFramesTest.class.getResourceAsStream(FOLDER + name + ".hex")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("Cannot read golden frame " + name, e);
    }
  }

  /** The golden file format: {@code #} comment lines, then the frame in hex, 32 bytes a line. */
  static final class GoldenFile {

    private GoldenFile() {}

    static byte[] parse(String text) {
      String hex = text.lines()
          .filter(line -> !line.startsWith("#"))
          .map(line -> line.replaceAll("\\s", ""))
          .collect(Collectors.joining());
      return HEX.parseHex(hex);
    }

    static String render(String name, Frame sample, byte[] bytes) {
      StringBuilder file = new StringBuilder()
          .append("# Livelink protocol version ").append(LivelinkSchemas.PROTOCOL_VERSION)
          .append(" golden frame \"").append(name).append("\": channel ")
          .append(sample.channel().channelName()).append(" (id ").append(sample.channel().id())
          .append("), payload ").append(sample.channel().payloadSchema().getFullName())
          .append(", ").append(bytes.length).append(" bytes.\n")
          .append("# The sample is LivelinkSamples.all().get(\"").append(name)
          .append("\"). Frames are permanent: never edit this file.\n");
      for (int i = 0; i < bytes.length; i += 32) {
        file.append(HexFormat.ofDelimiter(" ").formatHex(bytes, i, Math.min(bytes.length, i + 32)))
            .append('\n');
      }
      return file.toString();
    }
  }
}
