package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createChild;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.delete;
import static io.scenelog.streams.testing.Fixtures.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.EntityState;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.streams.testing.CommitDriver;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitLogTopologyTest {

    private final UUID scene = UUID.randomUUID();
    private CommitDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new CommitDriver();
        driver.send(createScene(scene));
        driver.drain();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCommitAnAcceptedActionAsOneEventStateAndResult() {
        // given
        UUID crate = UUID.randomUUID();

        // when
        ActionResult result = driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());

        // then
        assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(result.getSceneVersion()).isEqualTo(1L);
        List<TestRecord<String, SceneEvent>> events = driver.events();
        assertThat(events).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(scene.toString());
            assertThat(record.value().getVersion()).isEqualTo(1L);
            assertThat(record.value().getPersisted()).isTrue();
            assertThat(record.value().getEmitter().getClientId()).isEqualTo("alice");
            assertThat(record.value().getChanges()).singleElement()
                    .satisfies(change -> assertThat(change.getKind()).isEqualTo(EntityChangeKind.CREATED));
        });
        List<TestRecord<String, EntityState>> state = driver.sceneState();
        assertThat(state).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(StateKeys.sceneEntity(scene, crate));
            assertThat(record.value().getVersion()).isEqualTo(1L);
            assertThat(record.value().getSceneVersion()).isEqualTo(1L);
            assertThat(record.value().getComponents().getName()).isEqualTo("crate");
        });
    }

    @Test
    void shouldNumberAcceptedActionsWithoutGapsWhateverIsRejectedBetween() {
        // given
        UUID crate = UUID.randomUUID();
        driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());

        // when: accepted, rejected (version conflict), accepted, rejected (unknown entity), accepted
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 1, 1L)).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 2, 1L)).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 3, 2L)).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(UUID.randomUUID(), 3, null)).build());
        driver.send(action(scene, "alice", Role.EDITOR, move(crate, 4, null)).build());

        // then
        assertThat(driver.events()).extracting(r -> r.value().getVersion()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldTombstoneADeletedEntityAndItsChildren() {
        // given
        UUID parent = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        driver.send(action(scene, "alice", Role.EDITOR, create(parent, cube("parent")), createChild(child, parent))
                .build());
        driver.drain();

        // when
        ActionResult result = driver.send(action(scene, "alice", Role.EDITOR, delete(parent)).build());

        // then
        assertThat(result.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(driver.sceneState()).extracting(TestRecord::key, TestRecord::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(StateKeys.sceneEntity(scene, parent), null),
                org.assertj.core.groups.Tuple.tuple(StateKeys.sceneEntity(scene, child), null));
        assertThat(driver.events()).singleElement().satisfies(event -> assertThat(event.value().getChanges())
                .extracting(c -> c.getKind()).containsExactly(EntityChangeKind.DELETED, EntityChangeKind.DELETED));
    }

    @Test
    void shouldApplyNothingOfAnActionWhoseLastOperationFails() {
        // given
        UUID first = UUID.randomUUID();

        // when: the create is fine, the update names an entity that does not exist
        ActionResult result = driver.send(action(scene, "alice", Role.EDITOR, create(first, cube("first")),
                move(UUID.randomUUID(), 1, null)).build());

        // then
        assertThat(result.getReason()).isEqualTo(ReasonCode.UNKNOWN_ENTITY);
        assertThat(driver.events()).isEmpty();
        assertThat(driver.sceneState()).isEmpty();
        ActionResult again = driver.send(action(scene, "alice", Role.EDITOR, create(first, cube("first"))).build());
        assertThat(again.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }
}
