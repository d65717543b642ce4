package io.scenelog.renderer.scene;

import static io.scenelog.renderer.scene.RunningPipeline.create;
import static io.scenelog.renderer.scene.RunningPipeline.update;
import static io.scenelog.renderer.scene.Samples.at;
import static io.scenelog.renderer.scene.Samples.cube;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scenelog.model.Components;
import io.scenelog.model.Role;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SceneReplicaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RunningPipeline pipeline = RunningPipeline.get();
    private final UUID sceneId = UUID.randomUUID();
    private final UUID sessionId = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();

    private SceneReplica startReplica() {
        return SceneReplica.start(sceneId, sessionId, pipeline.clientConfig(), pipeline.registry(),
                pipeline.streams().queries());
    }

    @Test
    void shouldBootstrapAtTheScenesVersionAndFollowItsEdits() throws Exception {
        // given a scene with an entity before the replica starts
        pipeline.sceneWithSession(sceneId, sessionId, Map.of("editor", Role.EDITOR));
        long bootstrapVersion = pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, true,
                create(crate, cube(at(0, 0, 0))));

        try (SceneReplica replica = startReplica()) {
            ReplicaSnapshot first = replica.awaitVersion(bootstrapVersion, WAIT);
            assertThat(first.entity(crate)).isPresent();
            assertThat(first.settings()).containsEntry("skyColor", "#87ceeb");
            AtomicLong toldAt = new AtomicLong();
            replica.onPublished(() -> toldAt.set(replica.snapshot().version()));

            // when the scene is edited
            long last = 0;
            for (int i = 1; i <= 5; i++) {
                last = pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, true,
                        update(crate, Components.newBuilder().setTransform(at(i, 0, 0)).build()));
            }

            // then the replica shows the platform's state at that version
            ReplicaSnapshot followed = replica.awaitVersion(last, WAIT);
            assertThat(followed.digest()).isEqualTo(pipeline.digest(sceneId, sessionId));
            assertThat(followed.digest()).isNotEqualTo(first.digest());
            assertThat(followed.entity(crate).orElseThrow().getComponents().getTransform().getPosition().getX())
                    .isEqualTo(5.0);
            assertThat(replica.bootstraps()).isEqualTo(1);
            // and whoever listens is told of the publication that reached it (on the replica's thread, just after)
            long target = last;
            await().atMost(WAIT).until(() -> toldAt.get() == target);
        }
    }

    @Test
    void shouldApplyItsOwnSessionsTransientEditsButNotAnotherSessions() throws Exception {
        // given
        UUID otherSession = UUID.randomUUID();
        pipeline.sceneWithSession(sceneId, sessionId, Map.of("editor", Role.EDITOR));
        pipeline.session(sceneId, otherSession, "other", Role.EDITOR);
        pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, true, create(crate, cube(at(0, 0, 0))));

        try (SceneReplica replica = startReplica()) {
            // when another session and then this one edit the crate transiently
            pipeline.act(sceneId, otherSession, "other", Role.EDITOR, false,
                    update(crate, Components.newBuilder().setName("theirs").build()));
            long last = pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, false,
                    update(crate, Components.newBuilder().setTags(java.util.List.of("mine")).build()));

            // then only this session's edit shows, as the platform's view of this session has it
            ReplicaSnapshot snapshot = replica.awaitVersion(last, WAIT);
            assertThat(snapshot.entity(crate).orElseThrow().getComponents().getName()).isNull();
            assertThat(snapshot.entity(crate).orElseThrow().getComponents().getTags()).containsExactly("mine");
            assertThat(snapshot.digest()).isEqualTo(pipeline.digest(sceneId, sessionId));
        }
    }

    @Test
    void shouldConvergeToTheSameDigestWhenRestarted() throws Exception {
        // given a replica that followed some edits
        pipeline.sceneWithSession(sceneId, sessionId, Map.of("editor", Role.EDITOR));
        pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, true, create(crate, cube(at(0, 0, 0))));
        SceneDigest before;
        try (SceneReplica replica = startReplica()) {
            long last = pipeline.act(sceneId, sessionId, "editor", Role.EDITOR, false,
                    update(crate, Components.newBuilder().setName("transient").build()));
            before = replica.awaitVersion(last, WAIT).digest();
        }

        // when a new replica starts (a renderer restarted elsewhere)
        try (SceneReplica restarted = startReplica()) {
            // then it shows the same state
            ReplicaSnapshot snapshot = restarted.awaitVersion(before.version(), WAIT);
            assertThat(snapshot.digest()).isEqualTo(before);
        }
    }
}
