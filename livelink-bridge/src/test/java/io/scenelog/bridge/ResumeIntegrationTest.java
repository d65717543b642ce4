package io.scenelog.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.streams.StateKeys;
import io.scenelog.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconnecting resumes from the last version the client saw: exactly the events it missed, then live ones, from the
 * scene's window or from the log; a version that cannot be resumed from is answered RESET.
 */
class ResumeIntegrationTest {

    private static final int BURST = 150;
    private static final int HISTORY = 20_000;

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void shouldResumeInTheMiddleOfABurstWithNothingMissedOrDoubled() throws Exception {
        // given
        Scene scene = Scene.create("burst");
        RestCalls.Joined reader = scene.join("viewer");
        RawLivelink first = RawLivelink.connect(platform.bridge().livelinkUri());
        first.join(reader.token());

        // when: the connection drops while a burst is being committed, and the client resumes while the rest of
        // the burst is written (in two parts: sent at once, a fast pipeline commits and delivers all of a burst
        // before the test can drop the connection, and then there is nothing to resume)
        List<UUID> firstPart = scene.write(BURST / 3);
        await().atMost(RawLivelink.WAIT).until(() -> first.events().size() >= 30);
        first.drop();
        long resumeFrom = lastVersion(first.events());
        CompletableFuture<List<UUID>> rest = CompletableFuture.supplyAsync(() -> scene.write(BURST - BURST / 3));
        try (RawLivelink second = RawLivelink.connect(platform.bridge().livelinkUri())) {
            Welcome welcome = second.join(reader.token(), resumeFrom);
            List<UUID> written = new ArrayList<>(firstPart);
            written.addAll(rest.get(60, TimeUnit.SECONDS));

            // then
            assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESUMED);
            assertThat(welcome.getStartVersion()).isEqualTo(resumeFrom);
            assertEveryWriteSeenOnceInOrder(first, second, written, resumeFrom);
        }
    }

    @Test
    void shouldResumeFromTheLogWhenTheWindowNoLongerHoldsTheVersion() throws Exception {
        // given: a bridge that keeps only the last 16 events of a scene
        try (LivelinkBridge forgetful = platform.startBridge(b -> b.resumeWindow(16, 64 * 1024))) {
            Scene scene = Scene.create("from-the-log");
            RestCalls.Joined reader = scene.join("viewer");
            RawLivelink first = RawLivelink.connect(forgetful.livelinkUri());
            first.join(reader.token());
            List<UUID> before = scene.write(5);
            await().atMost(RawLivelink.WAIT).until(() -> seen(first).containsAll(before));
            RawLivelink witness = scene.viewer(forgetful);
            first.drop();
            long resumeFrom = lastVersion(first.events());
            Counter fromLog = forgetful.meterRegistry().find("scenelog_bridge_log_catch_ups").counter();
            double catchUpsBefore = fromLog.count();

            // when: far more events than the window keeps are committed meanwhile (and read by the bridge: another
            // client of the scene has them)
            List<UUID> missed = scene.write(60);
            try (witness; RawLivelink second = RawLivelink.connect(forgetful.livelinkUri())) {
                await().atMost(RawLivelink.WAIT).until(() -> seen(witness).containsAll(missed));
                await().atMost(RawLivelink.WAIT).until(() -> forgetful.connections() == 1);
                Welcome welcome = second.join(reader.token(), resumeFrom);

                // then
                assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESUMED);
                assertThat(fromLog.count()).isEqualTo(catchUpsBefore + 1);
                List<UUID> all = new ArrayList<>(before);
                all.addAll(missed);
                assertEveryWriteSeenOnceInOrder(first, second, all, resumeFrom);
            }
        }
    }

    @Test
    void shouldFindTheResumePointWithoutReadingThePartitionsHistory() throws Exception {
        // given: a scene whose partition already holds a long history of other scenes' records, on a bridge that
        // keeps only the last 16 events of a scene
        try (LivelinkBridge forgetful = platform.startBridge(b -> b.resumeWindow(16, 64 * 1024))) {
            Scene scene = Scene.create("long-history");
            platform.fill(Topics.SCENE_EVENTS.name(), StateKeys.partitionOf(scene.sceneId(),
                    Topics.SCENE_EVENTS.spec().partitions()), HISTORY);
            RestCalls.Joined reader = scene.join("viewer");
            RawLivelink first = RawLivelink.connect(forgetful.livelinkUri());
            first.join(reader.token());
            List<UUID> before = scene.write(5);
            await().atMost(RawLivelink.WAIT).until(() -> seen(first).containsAll(before));
            RawLivelink witness = scene.viewer(forgetful);
            first.drop();
            long resumeFrom = lastVersion(first.events());
            List<UUID> missed = scene.write(60);
            Counter read = forgetful.meterRegistry().find("scenelog_bridge_log_catch_up_records_read").counter();
            double readBefore = read.count();

            try (witness; RawLivelink second = RawLivelink.connect(forgetful.livelinkUri())) {
                await().atMost(RawLivelink.WAIT).until(() -> seen(witness).containsAll(missed));
                await().atMost(RawLivelink.WAIT).until(() -> forgetful.connections() == 1);
                // when: it resumes from before the window
                Welcome welcome = second.join(reader.token(), resumeFrom);

                // then: every missed event, found by reading about what was written since, not the whole history
                assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESUMED);
                List<UUID> all = new ArrayList<>(before);
                all.addAll(missed);
                assertEveryWriteSeenOnceInOrder(first, second, all, resumeFrom);
                await().atMost(RawLivelink.WAIT).until(() -> read.count() > readBefore);
                assertThat(read.count() - readBefore).isLessThan(HISTORY / 4.0);
            }
        }
    }

    @Test
    void shouldResumeOnAnotherBridgeFromTheLog() throws Exception {
        // given: a client of the platform's bridge
        Scene scene = Scene.create("other-bridge");
        RestCalls.Joined reader = scene.join("viewer");
        RawLivelink first = RawLivelink.connect(platform.bridge().livelinkUri());
        first.join(reader.token());
        List<UUID> before = scene.write(3);
        await().atMost(RawLivelink.WAIT).until(() -> seen(first).containsAll(before));
        first.drop();
        long resumeFrom = lastVersion(first.events());
        List<UUID> missed = scene.write(10);

        // when: it resumes on a bridge that never followed the scene
        try (LivelinkBridge other = platform.startBridge(b -> b);
                RawLivelink second = RawLivelink.connect(other.livelinkUri())) {
            Welcome welcome = second.join(reader.token(), resumeFrom);

            // then
            assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESUMED);
            List<UUID> all = new ArrayList<>(before);
            all.addAll(missed);
            assertEveryWriteSeenOnceInOrder(first, second, all, resumeFrom);
        }
    }

    @Test
    void shouldResetAResumeFromAVersionNewerThanTheScene() {
        // given
        Scene scene = Scene.create("newer");
        RestCalls.Joined reader = scene.join("viewer");
        scene.write(2);

        try (RawLivelink client = RawLivelink.connect(platform.bridge().livelinkUri())) {
            // when
            Welcome welcome = client.join(reader.token(), 1_000_000L);

            // then
            assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESET);
            assertThat(welcome.getStartVersion()).isLessThan(1_000_000L);
        }
    }

    @Test
    void shouldResetAResumeFromAVersionTheLogNoLongerHas() throws Exception {
        // given: the scene's first events are deleted from the log (as retention would)
        Scene scene = Scene.create("retention");
        RestCalls.Joined reader = scene.join("viewer");
        List<UUID> early = scene.write(3);
        try (RawLivelink witness = RawLivelink.connect(platform.bridge().livelinkUri())) {
            witness.join(scene.join("viewer").token());
            await().atMost(RawLivelink.WAIT).until(() -> seen(witness).containsAll(early)
                    || witness.events().stream().anyMatch(e -> e.getVersion() > early.size()));
        }
        deleteLogUpToNow(scene.sceneId());
        List<UUID> later = scene.write(3);

        try (LivelinkBridge fresh = platform.startBridge(b -> b);
                RawLivelink client = RawLivelink.connect(fresh.livelinkUri())) {
            // when: the client resumes from a version before the deletion
            Welcome welcome = client.join(reader.token(), 1L);

            // then
            assertThat(welcome.getResume()).isEqualTo(ResumeOutcome.RESET);
            assertThat(welcome.getStartVersion()).isGreaterThanOrEqualTo(early.size() + later.size());
        }
    }

    private static void assertEveryWriteSeenOnceInOrder(RawLivelink first, RawLivelink second, List<UUID> written,
            long resumeFrom) {
        await().atMost(RawLivelink.WAIT).until(() -> seen(second).containsAll(written.stream()
                .filter(id -> !seen(first).contains(id)).toList()));
        List<SceneEvent> resumed = second.events();
        List<Long> versions = resumed.stream().map(SceneEvent::getVersion).toList();
        assertThat(versions.get(0)).isEqualTo(resumeFrom + 1);
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("the version after %s", versions.get(i - 1))
                    .isEqualTo(versions.get(i - 1) + 1);
        }
        List<UUID> everything = new ArrayList<>(first.events().stream().map(SceneEvent::getActionId).toList());
        everything.addAll(resumed.stream().map(SceneEvent::getActionId).toList());
        assertThat(everything).containsAll(written).doesNotHaveDuplicates();
    }

    private static Set<UUID> seen(RawLivelink client) {
        return client.events().stream().map(SceneEvent::getActionId).collect(Collectors.toSet());
    }

    private static long lastVersion(List<SceneEvent> events) {
        return events.get(events.size() - 1).getVersion();
    }

    private static void deleteLogUpToNow(UUID sceneId) throws Exception {
        TopicPartition partition = new TopicPartition(Topics.SCENE_EVENTS.name(),
                StateKeys.partitionOf(sceneId, Topics.SCENE_EVENTS.spec().partitions()));
        try (Admin admin = platform.admin()) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end))).all()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    /** A scene with one persistent session and an editor that writes to it straight through Kafka. */
    private record Scene(UUID sceneId, UUID sessionId, RestCalls.Joined writer, Actions actions) {
        static Scene create(String name) {
            UUID scene = platform.rest().createScene(name);
            UUID session = platform.rest().createSession(scene, "persistent");
            RestCalls.Joined writer = platform.rest().join(scene, session, "editor", true);
            return new Scene(scene, session, writer, Actions.of(writer));
        }

        RestCalls.Joined join(String role) {
            return platform.rest().join(sceneId, sessionId, role, true);
        }

        /** Another viewer of the scene on {@code bridge}, from now on: once it has an event, the bridge has it. */
        RawLivelink viewer(LivelinkBridge bridge) {
            RawLivelink viewer = RawLivelink.connect(bridge.livelinkUri());
            viewer.join(join("viewer").token());
            return viewer;
        }

        /** Writes persisted creations; answers their action ids once all were produced. */
        List<UUID> write(int count) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SceneAction action = actions.create(UUID.randomUUID(), "entity " + i, true);
                action.setToken(writer.token());
                platform.act(action);
                ids.add(action.getActionId());
            }
            return ids;
        }
    }
}
