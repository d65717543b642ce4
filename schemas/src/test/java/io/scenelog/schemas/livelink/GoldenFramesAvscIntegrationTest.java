package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.NodeScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client written from the AsyncAPI document alone, with avsc 5.7.9 (the Avro library the viewer
 * page uses), decodes every golden frame and encodes it to the same bytes: {@code
 * peers/node/livelink-golden.mjs}.
 */
class GoldenFramesAvscIntegrationTest {

  private static final Path DOCUMENT = NodeScript.ROOT.resolve(
      "schemas/src/main/resources/io/scenelog/schemas/asyncapi/livelink.yaml");
  private static final Path GOLDEN = NodeScript.ROOT.resolve("schemas/src/test/resources/livelink/golden");

  @TempDir Path work;

  private final NodeScript golden = NodeScript.named("livelink-golden.mjs");

  @Test
  void shouldDecodeAndReencodeEveryGoldenFrameWithAvsc() {
    // when
    NodeScript.Result result = golden.run(work, DOCUMENT.toString(), GOLDEN.toString());

    // then
    assertThat(result.exitCode()).as("livelink-golden.mjs said:%n%s", result.output()).isZero();
    assertThat(result.output()).contains("\"channels\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14]");
  }

  @Test
  void shouldNoticeAFrameThatAvscCannotDecode() throws IOException {
    // given: a heartbeat cut short
    Files.writeString(work.resolve("heartbeat.hex"), "0e 02 06 aa b4\n");

    // when
    NodeScript.Result result = golden.run(work, DOCUMENT.toString(), work.toString());

    // then
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("heartbeat.hex");
  }
}
