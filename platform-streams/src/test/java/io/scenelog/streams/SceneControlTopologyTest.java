package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.deleteScene;
import static io.scenelog.streams.testing.Fixtures.endSession;
import static io.scenelog.streams.testing.Fixtures.join;
import static io.scenelog.streams.testing.Fixtures.requestSession;
import static io.scenelog.streams.testing.Fixtures.sessionRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.testing.CommitDriver;
import io.scenelog.streams.testing.Fixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SceneControlTopologyTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final CommitDriver driver = new CommitDriver();

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCreateASceneAndPublishItsRecordAtOnce() {
        // when
        SceneControl command = createScene(scene);
        ActionResult result = driver.send(command);

        // then
        assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(result.getActionId()).isEqualTo(command.getCommandId());
        assertThat(result.getClientId()).isEqualTo(Fixtures.ADMIN);
        assertThat(driver.scenes()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(scene.toString());
            assertThat(record.value().getStatus()).isEqualTo(SceneStatus.ACTIVE);
            assertThat(record.value().getVersion()).isZero();
        });
    }

    @Test
    void shouldRejectAControlCommandWithoutAdminRole() {
        // given
        SceneControl command = SceneControl.newBuilder(createScene(scene)).setClientId("alice")
                .setToken(Fixtures.token("alice", Role.EDITOR)).build();

        // when
        ActionResult result = driver.send(command);

        // then
        assertThat(result.getReason()).isEqualTo(ReasonCode.UNAUTHORIZED);
        assertThat(driver.scenes()).isEmpty();
    }

    @Test
    void shouldRefuseToCreateASceneTwice() {
        // given
        driver.send(createScene(scene));

        // then
        assertThat(driver.send(createScene(scene)).getReason()).isEqualTo(ReasonCode.ALREADY_EXISTS);
    }

    @Test
    void shouldPublishVersionAndEntityCountWithinTheSceneRecordInterval() {
        // given
        driver.send(createScene(scene));
        driver.send(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), cube("a"))).build());
        driver.send(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), cube("b"))).build());
        driver.scenes();

        // when
        driver.advance(TopologySettings.DEFAULT_SCENE_RECORD_INTERVAL);

        // then
        assertThat(driver.scenes()).singleElement().satisfies(record -> {
            assertThat(record.value().getVersion()).isEqualTo(2L);
            assertThat(record.value().getEntityCount()).isEqualTo(2L);
        });
    }

    @Test
    void shouldPublishEverySessionChange() {
        // given
        driver.send(createScene(scene));
        driver.heartbeat(Fixtures.node("node-1", 4, Fixtures.T0));

        // when
        driver.send(requestSession(scene, session, SessionMode.TRANSIENT));
        driver.send(sessionRunning(scene, session));
        driver.send(join(scene, session, "alice", Role.EDITOR));
        driver.send(endSession(scene, session));

        // then
        assertThat(driver.sessions()).extracting(r -> r.value().getStatus(), r -> r.value().getClients().size())
                .containsExactly(
                        tuple(SessionStatus.REQUESTED, 0),
                        tuple(SessionStatus.ASSIGNED, 0),
                        tuple(SessionStatus.RUNNING, 0),
                        tuple(SessionStatus.RUNNING, 1),
                        tuple(SessionStatus.ENDED, 0));
    }

    @Test
    void shouldDeleteASceneWithItsEntitiesAndSessions() {
        // given
        UUID crate = UUID.randomUUID();
        driver.send(createScene(scene));
        driver.send(requestSession(scene, session, SessionMode.PERSISTENT));
        driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());
        driver.drain();

        // when
        ActionResult result = driver.send(deleteScene(scene));

        // then
        assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(driver.sceneState()).singleElement().satisfies(tombstone -> {
            assertThat(tombstone.key()).isEqualTo(StateKeys.sceneEntity(scene, crate));
            assertThat(tombstone.value()).isNull();
        });
        SessionRecord ended = driver.sessions().get(0).value();
        assertThat(ended.getStatus()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.getEndReason()).isEqualTo("scene deleted");
        SceneRecord deleted = driver.scenes().get(0).value();
        assertThat(deleted.getStatus()).isEqualTo(SceneStatus.DELETED);
        assertThat(driver.send(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), cube("b"))).build())
                .getReason()).isEqualTo(ReasonCode.UNKNOWN_SCENE);
    }

    @Test
    void shouldAnswerARepeatedCommandAsDuplicate() {
        // given
        SceneControl command = createScene(scene);
        driver.send(command);

        // when
        ActionResult replay = driver.send(command);

        // then
        assertThat(replay.getReason()).isEqualTo(ReasonCode.DUPLICATE);
        assertThat(replay.getOriginalStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }

    @Test
    void shouldForgetOutcomesAfterTheDedupHorizon() {
        // given
        try (CommitDriver shortMemory = new CommitDriver(TopologySettings.forTests(Fixtures.KEY)
                .withDedupHorizon(Duration.ofMinutes(10)))) {
            SceneControl command = createScene(scene);
            shortMemory.send(command);

            // when
            shortMemory.advance(Duration.ofMinutes(11));

            // then: no longer a duplicate, so the rules decide again (and the scene exists)
            assertThat(shortMemory.send(command).getReason()).isEqualTo(ReasonCode.ALREADY_EXISTS);
        }
    }
}
