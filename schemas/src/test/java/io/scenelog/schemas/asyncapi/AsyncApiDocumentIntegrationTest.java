package io.scenelog.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.NodeScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Livelink AsyncAPI document passes the official parser, {@code @asyncapi/parser} 3.6.3 with
 * {@code @asyncapi/avro-schema-parser} (every Avro payload validated with avsc), run by {@code
 * peers/node/validate-asyncapi.mjs} on Node; and the validation rejects broken copies, so a
 * validator that accepts anything cannot pass.
 */
class AsyncApiDocumentIntegrationTest {

  private static final Path SOURCES =
      NodeScript.ROOT.resolve("schemas/src/main/resources/io/scenelog/schemas");

  @TempDir Path work;

  private final NodeScript validator = NodeScript.named("validate-asyncapi.mjs");

  @Test
  void shouldPassTheOfficialAsyncApiParser() {
    // when
    NodeScript.Result result = validate(SOURCES.resolve("asyncapi/livelink.yaml"));

    // then
    assertThat(result.exitCode()).as("validate-asyncapi.mjs said:%n%s", result.output()).isZero();
    assertThat(result.output())
        .contains("VALID")
        .contains("AsyncAPI 3.0.0, 14 channels, 14 messages (payloads validated)");
  }

  @Test
  void shouldFailForAnUndefinedAvroTypeInAPayload() throws IOException {
    // given: a copy whose hello payload names an Avro type that does not exist (well-formed for
    // AsyncAPI's Avro meta-schema, refused by avsc through the Avro schema parser)
    Path copy = copySources();
    Path hello = copy.resolve("livelink/v1/io.scenelog.livelink.Hello.avsc");
    Files.writeString(hello, Files.readString(hello).replaceFirst("\"type\" : \"int\"",
        "\"type\" : \"io.scenelog.livelink.Missing\""));

    // when
    NodeScript.Result result = validate(copy.resolve("asyncapi/livelink.yaml"));

    // then
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("INVALID")
        .contains("undefined type name: io.scenelog.livelink.Missing");
  }

  @Test
  void shouldFailForAnOperationOnAMissingChannel() throws IOException {
    // given
    Path copy = copySources();
    Path document = copy.resolve("asyncapi/livelink.yaml");
    Files.writeString(document, Files.readString(document)
        .replace("$ref: '#/channels/query-result'", "$ref: '#/channels/query-answer'"));

    // when
    NodeScript.Result result = validate(document);

    // then
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("INVALID").contains("query-answer");
  }

  private NodeScript.Result validate(Path document) {
    return validator.run(work, document.toAbsolutePath().toString());
  }

  private Path copySources() {
    Path copy = work.resolve("schemas");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(SOURCES.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + SOURCES, e);
    }
    return copy;
  }
}
