package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.join;
import static io.scenelog.streams.testing.Fixtures.move;
import static io.scenelog.streams.testing.Fixtures.reparent;
import static io.scenelog.streams.testing.Fixtures.requestSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Components;
import io.scenelog.model.Quat;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SessionMode;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.streams.testing.CommitDriver;
import io.scenelog.streams.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per reason code, through the production topology: the result says why, and nothing is committed. */
class ActionRulesTopologyTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private CommitDriver driver;

    @BeforeEach
    void startWithASceneAndACrate() {
        driver = new CommitDriver();
        driver.send(createScene(scene));
        driver.send(requestSession(scene, session, SessionMode.PERSISTENT));
        driver.send(join(scene, session, "vera", Role.VIEWER));
        driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());
        driver.drain();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void assertRejectedWithNothingCommitted(SceneAction action, ReasonCode reason) {
        ActionResult result = driver.send(action);
        assertThat(result.getStatus()).isEqualTo(ActionStatus.REJECTED);
        assertThat(result.getReason()).as(result.getMessage()).isEqualTo(reason);
        assertThat(result.getMessage()).isNotBlank();
        assertThat(result.getActionId()).isEqualTo(action.getActionId());
        assertThat(result.getSceneVersion()).isNull();
        assertThat(driver.events()).isEmpty();
        assertThat(driver.sceneState()).isEmpty();
        assertThat(driver.sessionState()).isEmpty();
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void shouldRejectAForgedTokenAsUnauthorized() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, move(crate, 1, null))
                .setToken(Fixtures.token("alice", Role.EDITOR) + "x").build(), ReasonCode.UNAUTHORIZED);
    }

    @Test
    void shouldRejectPersistedEditFromViewer() {
        assertRejectedWithNothingCommitted(action(scene, "vera", Role.VIEWER, move(crate, 1, null))
                .setSessionId(session).build(), ReasonCode.FORBIDDEN_PERSIST);
    }

    @Test
    void shouldRejectAnActionOnAnUnknownScene() {
        assertRejectedWithNothingCommitted(action(UUID.randomUUID(), "alice", Role.EDITOR, move(crate, 1, null))
                .build(), ReasonCode.UNKNOWN_SCENE);
    }

    @Test
    void shouldRejectAnActionFromAClientOutsideTheSession() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, move(crate, 1, null))
                .setSessionId(session).build(), ReasonCode.UNKNOWN_SESSION);
    }

    @Test
    void shouldRejectAnUpdateOfAnUnknownEntity() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, move(UUID.randomUUID(), 1, null))
                .build(), ReasonCode.UNKNOWN_ENTITY);
    }

    @Test
    void shouldRejectACreateOfAnExistingEntity() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, create(crate, cube("again")))
                .build(), ReasonCode.ENTITY_EXISTS);
    }

    @Test
    void shouldRejectAStaleExpectedVersion() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, move(crate, 1, 7L)).build(),
                ReasonCode.VERSION_CONFLICT);
    }

    @Test
    void shouldRejectAZeroLengthQuaternionAsInvalid() {
        // given
        Components turned = Components.newBuilder().setTransform(new Transform(new Vec3(0.0, 0.0, 0.0),
                new Quat(0.0, 0.0, 0.0, 0.0), new Vec3(1.0, 1.0, 1.0))).build();

        // then
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR,
                new UpdateComponents(crate, turned, null)).build(), ReasonCode.INVALID);
    }

    @Test
    void shouldRejectAReparentOfAnEntityUnderItselfAsInvalid() {
        assertRejectedWithNothingCommitted(action(scene, "alice", Role.EDITOR, reparent(crate, crate)).build(),
                ReasonCode.INVALID);
    }

    @Test
    void shouldRejectARecordNotKeyedByItsSceneAsInvalid() {
        // given
        SceneAction action = action(scene, "alice", Role.EDITOR, move(crate, 1, null)).build();

        // when
        driver.sendWithKey("not-the-scene", action);

        // then
        assertThat(driver.results()).singleElement().satisfies(result -> {
            assertThat(result.value().getReason()).isEqualTo(ReasonCode.INVALID);
            assertThat(result.value().getMessage()).contains("key");
        });
        assertThat(driver.events()).isEmpty();
    }

    @Test
    void shouldAnswerAReplayedActionIdWithTheFirstOutcomeAndChangeNothing() {
        // given
        SceneAction first = action(scene, "alice", Role.EDITOR, move(crate, 1, null)).build();
        driver.send(first);
        driver.drain();

        // when
        ActionResult replay = driver.send(first);

        // then
        assertThat(replay.getReason()).isEqualTo(ReasonCode.DUPLICATE);
        assertThat(replay.getOriginalStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(replay.getSceneVersion()).isEqualTo(2L);
        assertThat(driver.events()).isEmpty();
        assertThat(driver.sceneState()).isEmpty();
    }

    @Test
    void shouldAnswerAReplayedClientSeqWithTheFirstRejection() {
        // given: the first try is refused for a stale version
        SceneAction first = action(scene, "alice", Role.EDITOR, move(crate, 1, 9L)).setClientSeq(17).build();
        driver.send(first);

        // when: the retry has a fresh action id and the same client sequence number
        ActionResult replay = driver.send(SceneAction.newBuilder(first).setActionId(UUID.randomUUID())
                .setOperations(List.of(move(crate, 1, null))).build());

        // then
        assertThat(replay.getReason()).isEqualTo(ReasonCode.DUPLICATE);
        assertThat(replay.getOriginalStatus()).isEqualTo(ActionStatus.REJECTED);
        assertThat(replay.getOriginalReason()).isEqualTo(ReasonCode.VERSION_CONFLICT);
        assertThat(driver.events()).isEmpty();
    }

    @Test
    void shouldNotLetAForgedActionBurnAnotherClientsSequenceNumber() {
        // given: mallory sends alice's next number with a token that is not alice's
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 1, null)).setClientSeq(99)
                .setToken(Fixtures.token("mallory", Role.EDITOR)).build());

        // when
        ActionResult real = driver.send(action(scene, "alice", Role.EDITOR, move(crate, 2, null)).setClientSeq(99)
                .build());

        // then
        assertThat(real.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }

    @Test
    void shouldKeyResultsBySessionOrElseByClient() {
        // when
        driver.sendWithKey(scene.toString(), action(scene, "vera", Role.VIEWER, move(crate, 1, null))
                .setSessionId(session).setPersist(false).build());
        driver.sendWithKey(scene.toString(), action(scene, "alice", Role.EDITOR, move(crate, 2, null)).build());

        // then
        assertThat(driver.results()).extracting(TestRecord::key).containsExactly(session.toString(), "alice");
    }
}
