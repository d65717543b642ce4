package io.scenelog.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Livelink AsyncAPI document agrees with the code: one channel per {@link Channel} with its
 * permanent id and direction, its message's Avro payload is the channel's pinned schema, and every
 * direction has its operation. The official parser's validation is {@code
 * AsyncApiDocumentIntegrationTest}.
 */
class AsyncApiDocumentTest {

  static final String RESOURCE = "/io/scenelog/schemas/asyncapi/livelink.yaml";
  private static final String AVRO = "application/vnd.apache.avro;version=1.9.0";

  private static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void shouldDescribeTheCurrentProtocolVersionInAsyncApi300() {
    assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(document.path("info").path("version").asText())
        .isEqualTo(Integer.toString(LivelinkSchemas.PROTOCOL_VERSION));
  }

  @Test
  void shouldDescribeEveryChannelWithItsPermanentIdAndDirection() {
    // then
    assertThat(document.path("channels").size()).isEqualTo(Channel.values().length);
    for (Channel channel : Channel.values()) {
      JsonNode described = document.path("channels").path(channel.channelName());
      assertThat(described.isObject()).as("channel %s", channel.channelName()).isTrue();
      assertThat(described.path("x-livelink-channel-id").asInt()).as(channel.channelName())
          .isEqualTo(channel.id());
      assertThat(described.path("x-livelink-direction").asText()).as(channel.channelName())
          .isEqualTo(channel.direction().name());
      assertThat(described.path("address").asText()).isEqualTo("/livelink");
    }
  }

  @Test
  void shouldGiveEveryMessageThePinnedAvroSchemaOfItsChannel() {
    for (Channel channel : Channel.values()) {
      // given
      JsonNode message = document.path("components").path("messages").path(channel.channelName());
      String ref = message.path("payload").path("schema").path("$ref").asText();

      // then
      assertThat(message.path("x-livelink-channel-id").asInt()).isEqualTo(channel.id());
      assertThat(message.path("payload").path("schemaFormat").asText()).isEqualTo(AVRO);
      assertThat(ref).isEqualTo("../livelink/v" + LivelinkSchemas.PROTOCOL_VERSION + "/"
          + channel.payloadSchema().getFullName() + ".avsc");
      assertThat(AsyncApiDocumentTest.class.getResource("/io/scenelog/schemas/asyncapi/" + ref))
          .as("the schema file of %s", ref).isNotNull();
    }
  }

  @Test
  void shouldHaveAnOperationForEveryDirectionOfEveryChannel() {
    // given
    List<String> expected = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      if (channel.direction().allows(Direction.CLIENT_TO_SERVER)) {
        expected.add("receive " + channel.channelName());
      }
      if (channel.direction().allows(Direction.SERVER_TO_CLIENT)) {
        expected.add("send " + channel.channelName());
      }
    }

    // when
    List<String> described = new ArrayList<>();
    document.path("operations").forEach(operation -> described.add(operation.path("action").asText()
        + " " + operation.path("channel").path("$ref").asText().replace("#/channels/", "")));

    // then
    assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
  }
}
