package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.cameraOf;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.delete;
import static io.scenelog.streams.testing.Fixtures.endSession;
import static io.scenelog.streams.testing.Fixtures.join;
import static io.scenelog.streams.testing.Fixtures.leave;
import static io.scenelog.streams.testing.Fixtures.move;
import static io.scenelog.streams.testing.Fixtures.requestSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionMode;
import io.scenelog.streams.testing.CommitDriver;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionOverlayTopologyTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID transientSession = UUID.randomUUID();
    private final UUID persistentSession = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private CommitDriver driver;

    @BeforeEach
    void startWithTwoSessions() {
        driver = new CommitDriver();
        driver.send(createScene(scene));
        driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());
        driver.send(requestSession(scene, transientSession, SessionMode.TRANSIENT));
        driver.send(requestSession(scene, persistentSession, SessionMode.PERSISTENT));
        for (UUID session : List.of(transientSession, persistentSession)) {
            driver.send(join(scene, session, "alice", Role.EDITOR));
            driver.send(join(scene, session, "vera", Role.VIEWER));
        }
        driver.drain();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldNeverPersistAnythingOfATransientSession() {
        // when: an editor asks to persist
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 3, null)).setSessionId(transientSession)
                .setPersist(true).build());

        // then
        assertThat(driver.sceneState()).isEmpty();
        assertThat(driver.sessionState()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(StateKeys.sessionEntity(transientSession, crate));
            assertThat(record.value().getSessionId()).isEqualTo(transientSession);
        });
        SceneEvent event = driver.events().get(0).value();
        assertThat(event.getPersisted()).isFalse();
        assertThat(event.getEmitter().getSessionId()).isEqualTo(transientSession);
    }

    @Test
    void shouldKeepPersistFalseInThePersistentSessionsOverlay() {
        // when
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 3, null)).setSessionId(persistentSession)
                .setPersist(false).build());

        // then
        assertThat(driver.sceneState()).isEmpty();
        assertThat(driver.sessionState()).extracting(TestRecord::key)
                .containsExactly(StateKeys.sessionEntity(persistentSession, crate));
    }

    @Test
    void shouldPersistAnEditorsDefaultActionInAPersistentSession() {
        // when
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 3, null)).setSessionId(persistentSession)
                .build());

        // then
        assertThat(driver.sessionState()).isEmpty();
        assertThat(driver.sceneState()).extracting(TestRecord::key)
                .containsExactly(StateKeys.sceneEntity(scene, crate));
    }

    @Test
    void shouldCountTransientEventsInTheScenesVersionsToo() {
        // when
        driver.send(action(scene, "vera", Role.VIEWER, move(crate, 1, null)).setSessionId(transientSession)
                .setPersist(false).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 2, null)).build());

        // then
        assertThat(driver.events()).extracting(r -> r.value().getVersion(), r -> r.value().getPersisted())
                .containsExactly(tuple(2L, false),
                        tuple(3L, true));
    }

    @Test
    void shouldTombstoneAClientsCameraWhenItLeaves() {
        // given
        UUID veraCamera = UUID.randomUUID();
        UUID aliceCamera = UUID.randomUUID();
        driver.send(action(scene, "vera", Role.VIEWER, create(veraCamera, cameraOf("vera")))
                .setSessionId(transientSession).setPersist(false).build());
        driver.send(action(scene, "alice", Role.EDITOR, create(aliceCamera, cameraOf("alice")))
                .setSessionId(transientSession).setPersist(false).build());
        driver.drain();

        // when
        driver.send(leave(scene, transientSession, "vera"));

        // then
        List<TestRecord<String, EntityState>> tombstones = driver.sessionState();
        assertThat(tombstones).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(StateKeys.sessionEntity(transientSession, veraCamera));
            assertThat(record.value()).isNull();
        });
        assertThat(driver.send(action(scene, "vera", Role.VIEWER, move(crate, 1, null))
                .setSessionId(transientSession).setPersist(false).build()).getStatus())
                .isEqualTo(ActionStatus.REJECTED);
    }

    @Test
    void shouldTombstoneTheWholeOverlayWhenTheSessionEnds() {
        // given
        UUID camera = UUID.randomUUID();
        driver.send(action(scene, "vera", Role.VIEWER, create(camera, cameraOf("vera")))
                .setSessionId(transientSession).setPersist(false).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 4, null)).setSessionId(transientSession)
                .build());
        driver.drain();

        // when
        driver.send(endSession(scene, transientSession));

        // then
        assertThat(driver.sessionState()).extracting(TestRecord::key, TestRecord::value).containsExactlyInAnyOrder(
                tuple(StateKeys.sessionEntity(transientSession, camera), null),
                tuple(StateKeys.sessionEntity(transientSession, crate), null));
        assertThat(driver.sceneState()).isEmpty();
    }

    @Test
    void shouldDropAnOverlayCopyOfAPersistedEntityThatIsDeleted() {
        // given: the crate has a transient copy in the transient session
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 4, null)).setSessionId(transientSession)
                .build());
        driver.drain();

        // when
        driver.send(action(scene, "alice", Role.EDITOR, delete(crate)).build());

        // then
        assertThat(driver.sceneState()).extracting(TestRecord::key)
                .containsExactly(StateKeys.sceneEntity(scene, crate));
        assertThat(driver.sessionState()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(StateKeys.sessionEntity(transientSession, crate));
            assertThat(record.value()).isNull();
        });
    }

    @Test
    void shouldForgetADepartedClientsCameraForTheOthersInTheSession() {
        // given: vera's camera, seen by alice in the same session
        UUID veraCamera = UUID.randomUUID();
        driver.send(action(scene, "vera", Role.VIEWER, create(veraCamera, cameraOf("vera")))
                .setSessionId(transientSession).setPersist(false).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(veraCamera, 1, null)).setSessionId(transientSession)
                .setPersist(false).build());

        // when
        driver.send(leave(scene, transientSession, "vera"));

        // then
        assertThat(driver.send(action(scene, "alice", Role.EDITOR, move(veraCamera, 2, null))
                .setSessionId(transientSession).setPersist(false).build()).getReason())
                .isEqualTo(ReasonCode.UNKNOWN_ENTITY);
    }

    @Test
    void shouldForgetAnOverlayCopyDroppedWithItsPersistedEntity() {
        // given: the crate has a transient copy in the transient session, then is deleted from the scene
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 4, null)).setSessionId(transientSession)
                .build());
        driver.send(action(scene, "alice", Role.EDITOR, delete(crate)).build());

        // when
        ActionResult moved = driver.send(action(scene, "alice", Role.EDITOR, move(crate, 5, null))
                .setSessionId(transientSession).build());

        // then
        assertThat(moved.getReason()).isEqualTo(ReasonCode.UNKNOWN_ENTITY);
    }
}
