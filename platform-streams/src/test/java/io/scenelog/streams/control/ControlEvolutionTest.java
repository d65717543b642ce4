package io.scenelog.streams.control;

import static io.scenelog.streams.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.Role;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControlEvolutionTest {

    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    private SessionRecord requested() {
        return ControlEvolution.session(null, new ControlEvent.SessionRequested(scene, session,
                SessionMode.PERSISTENT, T0));
    }

    @Test
    void shouldStartASceneActiveAtVersionZero() {
        // when
        SceneRecord created = ControlEvolution.scene(null, new ControlEvent.SceneCreated(scene, "hall", Map.of(), T0));

        // then
        assertThat(created.getStatus()).isEqualTo(SceneStatus.ACTIVE);
        assertThat(created.getVersion()).isZero();
        assertThat(created.getEntityCount()).isZero();
    }

    @Test
    void shouldKeepTheVersionOfADeletedScene() {
        // given
        SceneRecord active = SceneRecord.newBuilder(ControlEvolution.scene(null,
                new ControlEvent.SceneCreated(scene, "hall", Map.of(), T0))).setVersion(9L).setEntityCount(3L).build();

        // when
        SceneRecord deleted = ControlEvolution.scene(active, new ControlEvent.SceneDeleted(scene, T0.plusSeconds(1)));

        // then
        assertThat(deleted.getStatus()).isEqualTo(SceneStatus.DELETED);
        assertThat(deleted.getVersion()).isEqualTo(9L);
        assertThat(deleted.getEntityCount()).isZero();
    }

    @Test
    void shouldGoFromRequestedToRunningWithTheNodeAndEndpoint() {
        // when
        SessionRecord running = ControlEvolution.session(requested(),
                new ControlEvent.SessionStarted(session, "node-1", "tcp://n1:7001", T0.plusSeconds(1)));

        // then
        assertThat(running.getStatus()).isEqualTo(SessionStatus.RUNNING);
        assertThat(running.getNodeId()).isEqualTo("node-1");
        assertThat(running.getFrameEndpoint()).isEqualTo("tcp://n1:7001");
        assertThat(running.getUpdatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void shouldReplaceTheEntryOfAClientThatJoinsAgain() {
        // given
        SessionRecord joined = ControlEvolution.session(requested(),
                new ControlEvent.ClientJoinedSession(session, "alice", Role.VIEWER, false, T0));

        // when
        SessionRecord again = ControlEvolution.session(joined, new ControlEvent.ClientJoinedSession(session, "alice",
                Role.EDITOR, true, T0.plus(Duration.ofMinutes(1))));

        // then
        assertThat(again.getClients()).singleElement().satisfies(client -> {
            assertThat(client.getRole()).isEqualTo(Role.EDITOR);
            assertThat(client.getHeadless()).isTrue();
        });
    }

    @Test
    void shouldDropAClientThatLeaves() {
        // given
        SessionRecord two = ControlEvolution.session(ControlEvolution.session(requested(),
                new ControlEvent.ClientJoinedSession(session, "alice", Role.EDITOR, false, T0)),
                new ControlEvent.ClientJoinedSession(session, "bob", Role.VIEWER, false, T0));

        // when
        SessionRecord one = ControlEvolution.session(two, new ControlEvent.ClientLeftSession(session, "alice", T0));

        // then
        assertThat(one.getClients()).extracting(SessionClient::getClientId).containsExactly("bob");
    }

    @Test
    void shouldEndWithNoClientsAndAReason() {
        // given
        SessionRecord joined = ControlEvolution.session(requested(),
                new ControlEvent.ClientJoinedSession(session, "alice", Role.EDITOR, false, T0));

        // when
        SessionRecord ended = ControlEvolution.session(joined, new ControlEvent.SessionEnded(session, "idle", T0));

        // then
        assertThat(ended.getStatus()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.getClients()).isEmpty();
        assertThat(ended.getEndReason()).isEqualTo("idle");
    }
}
