package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The limits of a connection: frame size, action rate, frame rate, idle timeout, a bounded outbound queue. */
class LimitsIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldDisconnectAClientThatSendsAFrameOverTheLimit() {
        // given
        RestCalls.Joined client = join("oversized", "editor");
        try (RawLivelink livelink = connect(platform.bridge())) {
            livelink.join(client.token());
            byte[] oversized = new byte[platform.bridge().settings().limits().maxFrameBytes() + 1];
            oversized[0] = (byte) Channel.ACTION.id();

            // when
            livelink.sendBytes(oversized);

            // then
            assertThat(livelink.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.MESSAGE_TOO_LARGE);
            assertThat(livelink.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void shouldDisconnectAClientThatSendsAnUndecodableFrame() {
        // given
        RestCalls.Joined client = join("undecodable", "viewer");
        try (RawLivelink livelink = connect(platform.bridge())) {
            livelink.join(client.token());

            // when: an action frame whose payload is garbage
            livelink.sendBytes(new byte[] {(byte) Channel.ACTION.id(), (byte) 0xff, (byte) 0xff});

            // then
            assertThat(livelink.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldDisconnectAClientThatSendsText() {
        // given
        RestCalls.Joined client = join("text", "viewer");
        try (RawLivelink livelink = connect(platform.bridge())) {
            livelink.join(client.token());

            // when
            livelink.sendText("hello?");

            // then
            assertThat(livelink.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldAnswerActionsBeyondTheRateLimitedAndNeverProduceThem() {
        // given: a bridge allowing 5 actions a second, burst 5
        BridgeLimits fiveASecond = BridgeLimits.defaults().withActionRate(5, 5);
        try (LivelinkBridge strict = platform.startBridge(b -> b.limits(fiveASecond))) {
            RestCalls.Joined editor = join("action-rate", "editor");
            RestCalls.Joined witness = platform.rest().join(editor.sceneId(), editor.sessionId(), "editor", true);
            try (RawLivelink livelink = connect(strict); RawLivelink witnessing = connect(platform.bridge())) {
                livelink.join(editor.token());
                witnessing.join(witness.token());
                Actions actions = Actions.of(editor);

                // when
                List<SceneAction> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    SceneAction action = actions.create(UUID.randomUUID(), "burst " + i, false);
                    sent.add(action);
                    livelink.send(action);
                }

                // then
                await().atMost(RawLivelink.WAIT).until(() -> livelink.all(ActionResult.class).size() >= 20);
                Set<UUID> limited = livelink.all(ActionResult.class).stream()
                        .filter(r -> r.getReason() == ReasonCode.RATE_LIMITED).map(ActionResult::getActionId)
                        .collect(Collectors.toSet());
                assertThat(limited).hasSizeGreaterThanOrEqualTo(10);
                SceneAction marker = Actions.of(witness).create(UUID.randomUUID(), "marker", false);
                witnessing.send(marker);
                assertThat(platform.actionsUntil(editor.sceneId(), marker.getActionId()))
                        .noneMatch(a -> limited.contains(a.getActionId()));
            }
        }
    }

    @Test
    void shouldDisconnectAClientThatFloodsFrames() {
        // given: a bridge allowing 20 frames a second
        try (LivelinkBridge strict = platform.startBridge(b -> b.limits(BridgeLimits.defaults()
                .withActionRate(10, 10).withFramesPerSecond(20)))) {
            RestCalls.Joined client = join("flood", "viewer");
            Counter rateLimited = strict.meterRegistry().find("scenelog_bridge_disconnects")
                    .tag("reason", DisconnectReason.RATE_LIMITED.name()).counter();
            try (RawLivelink livelink = connect(strict)) {
                livelink.join(client.token());

                // when
                for (int i = 0; i < 200 && !livelink.isClosed(); i++) {
                    try {
                        livelink.send(ping(i));
                    } catch (RuntimeException closed) {
                        break;
                    }
                }

                // then: disconnected for the flood (a client still flooding may lose the Disconnect frame itself:
                // its writes after the close make the peer reset the connection)
                livelink.awaitClose();
                assertThat(rateLimited.count()).isEqualTo(1.0);
                assertThat(livelink.all(Control.class))
                        .allMatch(c -> !(c.getCommand() instanceof Disconnect d)
                                || d.getReason() == DisconnectReason.RATE_LIMITED);
            }
        }
    }

    @Test
    void shouldPingAndDisconnectASilentClient() {
        // given: a bridge that pings every 100 ms and gives up after 400 ms of silence
        try (LivelinkBridge impatient = platform.startBridge(b -> b.heartbeat(Duration.ofMillis(100),
                Duration.ofMillis(400)))) {
            RestCalls.Joined client = join("idle", "viewer");
            try (RawLivelink livelink = connect(impatient)) {
                livelink.join(client.token());

                // when: the client sends nothing

                // then
                Heartbeat ping = livelink.awaitFirst(Heartbeat.class, h -> h.getKind() == HeartbeatKind.PING);
                assertThat(ping.getSceneVersion()).isNotNull();
                assertThat(livelink.awaitDisconnect().getReason()).isEqualTo(DisconnectReason.IDLE);
            }
        }
    }

    @Test
    void shouldDropAClientThatDoesNotReadAndKeepItsQueueBounded() {
        // given: small frames and a small outbound queue
        int queueFrames = 32;
        try (LivelinkBridge bounded = platform.startBridge(b -> b.limits(BridgeLimits.defaults()
                .withMaxFrameBytes(BridgeLimits.MIN_FRAME_BYTES).withOutboundQueue(queueFrames, 64 * 1024)))) {
            RestCalls.Joined slow = join("slow-consumer", "viewer");
            RestCalls.Joined fast = platform.rest().join(slow.sceneId(), slow.sessionId(), "viewer", true);
            RestCalls.Joined writer = platform.rest().join(slow.sceneId(), slow.sessionId(), "editor", true);
            try (RawLivelink slowClient = connect(bounded); RawLivelink fastClient = connect(bounded)) {
                slowClient.join(slow.token());
                fastClient.join(fast.token());
                slowClient.pauseReading();
                Gauge queued = bounded.meterRegistry().find("scenelog_bridge_queued_frames").gauge();
                Counter dropped = bounded.meterRegistry().find("scenelog_bridge_slow_consumers_dropped").counter();

                // when: a simulation writes large edits straight to Kafka until the slow client is dropped,
                // in batches the reading client has received before the next one (so that on a busy machine
                // only the client that does not read can fall a whole queue behind)
                Actions actions = Actions.of(writer);
                String name = "x".repeat(8 * 1024);
                int batch = 4;
                double maxQueued = 0;
                SceneAction last = null;
                for (int i = 0; i < 3000 && dropped.count() == 0; i++) {
                    last = actions.create(UUID.randomUUID(), name + i, true);
                    last.setToken(writer.token());
                    platform.act(last);
                    maxQueued = Math.max(maxQueued, queued.value());
                    if (i % batch == batch - 1) {
                        UUID sent = last.getActionId();
                        fastClient.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(sent));
                    }
                }

                // then
                await().atMost(RawLivelink.WAIT).until(() -> dropped.count() >= 1.0);
                assertThat(fastClient.all(Control.class)).as("the reading client was not told to leave")
                        .noneMatch(control -> control.getCommand() instanceof Disconnect);
                assertThat(dropped.count()).isEqualTo(1.0);
                assertThat(maxQueued).isLessThanOrEqualTo(2.0 * (queueFrames + 1));
                UUID lastAction = last.getActionId();
                fastClient.awaitFirst(SceneEvent.class, e -> e.getActionId().equals(lastAction));
                await().atMost(RawLivelink.WAIT).until(() -> bounded.connections() == 1);
                await().atMost(RawLivelink.WAIT).until(() -> queued.value() == 0.0);
            }
        }
    }

    private static Heartbeat ping(long sequence) {
        return Heartbeat.newBuilder().setKind(HeartbeatKind.PING).setSequence(sequence).setPingSentMicros(0)
                .setSentAt(Instant.now()).setSceneVersion(null).build();
    }

    private static RestCalls.Joined join(String sceneName, String role) {
        UUID scene = platform.rest().createScene(sceneName);
        UUID session = platform.rest().createSession(scene, "persistent");
        return platform.rest().join(scene, session, role, true);
    }

    private static RawLivelink connect(LivelinkBridge bridge) {
        return RawLivelink.connect(bridge.livelinkUri());
    }
}
