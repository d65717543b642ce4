package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.InputEvent;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.WheelInput;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** State queries, answered in parts; and the video, input and control channels carried before renderers exist. */
class QueriesAndVideoIntegrationTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldAnswerTheSessionsStateAtAVersionNotBelowTheStart() {
        // given: persisted entities and one of the session's overlay
        Fixture fixture = Fixture.create("query");
        List<UUID> persisted = fixture.write(3, true, "persisted");
        List<UUID> overlay = fixture.write(1, false, "overlay");
        RestCalls.Joined reader = fixture.join("viewer");
        try (RawLivelink client = connect(platform.bridge())) {
            Welcome welcome = client.join(reader.token());

            // when
            client.send(Query.newBuilder().setQueryId(1).setQuery(new EntityStateQuery(List.of())).build());

            // then
            QueryResult answer = client.awaitFirst(QueryResult.class, r -> r.getQueryId() == 1 && r.getLast());
            assertThat(answer.getStatus()).isEqualTo(QueryStatus.OK);
            assertThat(answer.getSceneVersion()).isGreaterThanOrEqualTo(welcome.getStartVersion());
            Set<UUID> ids = answer.getEntities().stream().map(EntityState::getEntityId).collect(Collectors.toSet());
            assertThat(ids).containsAll(persisted).containsAll(overlay);
            assertThat(answer.getEntities()).filteredOn(e -> overlay.contains(e.getEntityId()))
                    .allMatch(e -> fixture.sessionId().equals(e.getSessionId()));
        }
    }

    @Test
    void shouldSplitALargeAnswerIntoPartsThatFitTheFrameLimit() {
        // given: a bridge with the smallest frames and entities of about 4 KiB each
        try (LivelinkBridge small = platform.startBridge(b -> b.limits(BridgeLimits.defaults()
                .withMaxFrameBytes(BridgeLimits.MIN_FRAME_BYTES)))) {
            Fixture fixture = Fixture.create("parts");
            List<UUID> written = fixture.write(12, true, "y".repeat(4096));
            RestCalls.Joined reader = fixture.join("viewer");
            try (RawLivelink client = connect(small)) {
                client.join(reader.token());

                // when
                client.send(Query.newBuilder().setQueryId(5).setQuery(new EntityStateQuery(written)).build());

                // then
                client.awaitFirst(QueryResult.class, r -> r.getQueryId() == 5 && r.getLast());
                List<QueryResult> parts = client.all(QueryResult.class);
                assertThat(parts).hasSizeGreaterThan(3);
                List<UUID> answered = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    assertThat(parts.get(i).getPart()).isEqualTo(i);
                    assertThat(parts.get(i).getLast()).isEqualTo(i == parts.size() - 1);
                    assertThat(parts.get(i).getSceneVersion()).isEqualTo(parts.get(0).getSceneVersion());
                    parts.get(i).getEntities().forEach(e -> answered.add(e.getEntityId()));
                }
                assertThat(answered).containsExactlyInAnyOrderElementsOf(written);
            }
        }
    }

    @Test
    void shouldAnswerAPickQueryUnsupported() {
        // given
        Fixture fixture = Fixture.create("pick");
        try (RawLivelink client = connect(platform.bridge())) {
            client.join(fixture.join("viewer").token());

            // when
            client.send(Query.newBuilder().setQueryId(9).setQuery(new PickQuery(0.5f, 0.5f)).build());

            // then
            QueryResult answer = client.awaitFirst(QueryResult.class, r -> r.getQueryId() == 9);
            assertThat(answer.getStatus()).isEqualTo(QueryStatus.UNSUPPORTED);
            assertThat(answer.getMessage()).contains("renderer");
        }
    }

    @Test
    void shouldAnswerConfigureWithNoRendererAndSuspendedForNoVideo() {
        // given
        Fixture fixture = Fixture.create("video");
        RestCalls.Joined browser = platform.rest().join(fixture.sceneId(), fixture.sessionId(), "viewer", false);
        try (RawLivelink client = connect(platform.bridge())) {
            client.send(RawLivelink.hello(browser.token()).setHeadless(false).setVideoCodecs(List.of("vp8")).build());
            client.awaitFirst(Welcome.class, w -> true);

            // when: video is asked for, then none
            client.send(new Configure(new VideoSettings(1280, 720, 30, List.of("vp8"), null)));
            client.send(new Configure(null));

            // then
            await().atMost(RawLivelink.WAIT).until(() -> videoStates(client).size() == 2);
            assertThat(videoStates(client)).containsExactly(VideoState.NO_RENDERER, VideoState.SUSPENDED);
        }
    }

    @Test
    void shouldCountInputAndKeyFrameRequestsWithoutForwardingThem() {
        // given
        Fixture fixture = Fixture.create("input");
        Counter keyFrames = platform.bridge().meterRegistry().find("scenelog_bridge_key_frame_requests").counter();
        Counter inputs = platform.bridge().meterRegistry().find("scenelog_bridge_input_events").counter();
        double keyFramesBefore = keyFrames.count();
        double inputsBefore = inputs.count();
        try (RawLivelink client = connect(platform.bridge())) {
            client.join(fixture.join("viewer").token());

            // when
            client.send(new Control(new RequestKeyFrame(null)));
            client.send(new Input(List.of(new InputEvent(1L, new WheelInput(0.5f, 0.5f, 0f, 10f, 0f, 0)),
                    new InputEvent(2L, new WheelInput(0.5f, 0.5f, 0f, -10f, 0f, 0)))));

            // then
            await().atMost(RawLivelink.WAIT).until(() -> inputs.count() == inputsBefore + 2);
            assertThat(keyFrames.count()).isEqualTo(keyFramesBefore + 1);
            assertThat(client.isClosed()).isFalse();
        }
    }

    private static List<VideoState> videoStates(RawLivelink client) {
        return client.all(Control.class).stream().filter(c -> c.getCommand() instanceof VideoStatus)
                .map(c -> ((VideoStatus) c.getCommand()).getState()).toList();
    }

    private static RawLivelink connect(LivelinkBridge bridge) {
        return RawLivelink.connect(bridge.livelinkUri());
    }

    /** A scene with one persistent session and an editor writing through Livelink. */
    private record Fixture(UUID sceneId, UUID sessionId, RestCalls.Joined writer, Actions actions) {
        static Fixture create(String name) {
            UUID scene = platform.rest().createScene(name);
            UUID session = platform.rest().createSession(scene, "persistent");
            RestCalls.Joined writer = platform.rest().join(scene, session, "editor", true);
            return new Fixture(scene, session, writer, Actions.of(writer));
        }

        RestCalls.Joined join(String role) {
            return platform.rest().join(sceneId, sessionId, role, true);
        }

        /** Writes entities through a Livelink connection and waits for every result. */
        List<UUID> write(int count, boolean persist, String name) {
            List<UUID> ids = new ArrayList<>();
            try (RawLivelink link = connect(platform.bridge())) {
                link.join(writer.token());
                List<SceneAction> sent = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    SceneAction action = actions.create(id, name, persist);
                    link.send(action);
                    sent.add(action);
                    ids.add(id);
                }
                for (SceneAction action : sent) {
                    link.awaitFirst(ActionResult.class, r -> r.getActionId().equals(action.getActionId()));
                }
            }
            return ids;
        }
    }
}
