package io.scenelog.schemas.livelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.Hello;
import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChannelTest {

  private static final String PERMANENT = "Livelink channel ids are permanent wire numbers: never"
      + " change or reuse one; a new kind of message gets a new channel with the next free id";

  @Test
  void shouldKeepEveryChannelIdForever() {
    // given: the ids of protocol version 1, as deployed clients and bridges know them
    Map<String, Integer> released = new LinkedHashMap<>();
    released.put("HELLO", 1);
    released.put("WELCOME", 2);
    released.put("REFUSAL", 3);
    released.put("CONFIGURE", 4);
    released.put("VIDEO", 5);
    released.put("INPUT", 6);
    released.put("ACTION", 7);
    released.put("EVENT", 8);
    released.put("ACTION_RESULT", 9);
    released.put("PRESENCE", 10);
    released.put("CONTROL", 11);
    released.put("QUERY", 12);
    released.put("QUERY_RESULT", 13);
    released.put("HEARTBEAT", 14);

    // when
    Map<String, Integer> now = Arrays.stream(Channel.values())
        .collect(Collectors.toMap(Channel::name, Channel::id, (a, b) -> a, LinkedHashMap::new));

    // then: released channels keep their ids; new channels may follow with new ids
    released.forEach((name, id) -> assertThat(now.get(name)).as("%s: %s", name, PERMANENT).isEqualTo(id));
  }

  @Test
  void shouldKeepEveryChannelsPayloadAndDirection() {
    assertThat(Channel.ACTION.payloadClass()).isEqualTo(SceneAction.class);
    assertThat(Channel.EVENT.payloadClass()).isEqualTo(SceneEvent.class);
    assertThat(Channel.ACTION_RESULT.payloadClass()).isEqualTo(ActionResult.class);
    assertThat(Channel.HELLO.payloadClass()).isEqualTo(Hello.class);
    assertThat(Arrays.stream(Channel.values()).map(Channel::direction))
        .containsExactly(Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT,
            Direction.SERVER_TO_CLIENT, Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT,
            Direction.CLIENT_TO_SERVER, Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT,
            Direction.SERVER_TO_CLIENT, Direction.SERVER_TO_CLIENT, Direction.BOTH,
            Direction.CLIENT_TO_SERVER, Direction.SERVER_TO_CLIENT, Direction.BOTH);
  }

  @Test
  void shouldGiveEveryChannelItsOwnPayloadClassAndName() {
    assertThat(Arrays.stream(Channel.values()).map(Channel::payloadClass)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Channel.values()).map(Channel::channelName))
        .doesNotHaveDuplicates()
        .allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"));
  }

  @Test
  void shouldFindChannelsByWireId() {
    assertThat(Channel.byId(8)).contains(Channel.EVENT);
    assertThat(Channel.byId(0)).as("0 is never assigned").isEmpty();
    assertThat(Channel.byId(255)).as("255 is reserved").isEmpty();
    assertThat(Channel.byId(15)).isEmpty();
    assertThat(Channel.byId(-1)).isEmpty();
    assertThat(Channel.byId(256)).isEmpty();
  }

  @Test
  void shouldFindTheChannelOfAPayloadClass() {
    // given
    Map<Class<?>, Channel> byClass = Arrays.stream(Channel.values())
        .collect(Collectors.toMap(Channel::payloadClass, Function.identity()));

    // then
    byClass.forEach((type, channel) -> assertThat(Channel.forPayload(type)).isEqualTo(channel));
    assertThat(Channel.forPayload(Control.class)).isEqualTo(Channel.CONTROL);
    assertThatThrownBy(() -> Channel.forPayload(EntityState.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("io.scenelog.model.EntityState");
  }

  @Test
  void shouldTreatOnlyHelloAndRefusalAsHandshake() {
    assertThat(Arrays.stream(Channel.values()).filter(Channel::isHandshake))
        .containsExactly(Channel.HELLO, Channel.REFUSAL);
  }

  @Test
  void shouldAllowTheDirectionsOfEachChannel() {
    assertThat(Channel.HELLO.direction().allows(Direction.CLIENT_TO_SERVER)).isTrue();
    assertThat(Channel.HELLO.direction().allows(Direction.SERVER_TO_CLIENT)).isFalse();
    assertThat(Channel.EVENT.direction().allows(Direction.CLIENT_TO_SERVER)).isFalse();
    assertThat(Channel.HEARTBEAT.direction().allows(Direction.CLIENT_TO_SERVER)).isTrue();
    assertThat(Channel.HEARTBEAT.direction().allows(Direction.SERVER_TO_CLIENT)).isTrue();
  }

  @Test
  void shouldRefuseAFrameWhosePayloadIsNotTheChannels() {
    assertThatThrownBy(() -> new Frame(Channel.HEARTBEAT, LivelinkSamples.hello()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("heartbeat")
        .hasMessageContaining("Heartbeat");
  }

  @Test
  void shouldGiveThePayloadAsTheExpectedClassOnly() {
    // given
    Frame frame = Frame.of(LivelinkSamples.heartbeat());

    // then
    assertThat(frame.payload(Heartbeat.class).getSequence()).isEqualTo(3L);
    assertThatThrownBy(() -> frame.payload(Hello.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("heartbeat");
  }
}
