package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.streams.testing.CommitDriver;
import io.scenelog.streams.testing.Fixtures;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duplicates of actions by actionId and by clientSeq, remembered for the dedup horizon (10 minutes here). */
class DedupHorizonTopologyTest {

    private static final Duration HORIZON = Duration.ofMinutes(10);

    private final UUID scene = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private CommitDriver driver;

    @BeforeEach
    void startWithASceneAndACrate() {
        driver = new CommitDriver(TopologySettings.forTests(Fixtures.KEY).withDedupHorizon(HORIZON));
        driver.send(createScene(scene));
        driver.send(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build());
        driver.drain();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private SceneAction moveNumbered(long clientSeq, double x) {
        return action(scene, "alice", Role.EDITOR, Fixtures.move(crate, x, null)).setClientSeq(clientSeq).build();
    }

    @Test
    void shouldAnswerARetriedClientSeqAsDuplicateWithinTheHorizon() {
        // given
        ActionResult first = driver.send(moveNumbered(5, 1));

        // when: a retry with a fresh actionId, nine minutes later
        driver.advance(Duration.ofMinutes(9));
        ActionResult retry = driver.send(moveNumbered(5, 2));

        // then
        assertThat(retry.getReason()).isEqualTo(ReasonCode.DUPLICATE);
        assertThat(retry.getOriginalStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(retry.getSceneVersion()).isEqualTo(first.getSceneVersion());
    }

    @Test
    void shouldForgetAClientSeqAfterTheHorizon() {
        // given
        driver.send(moveNumbered(5, 1));

        // when
        driver.advance(HORIZON.plusMinutes(1));
        ActionResult later = driver.send(moveNumbered(5, 2));

        // then
        assertThat(later.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }

    @Test
    void shouldForgetAnActionIdAfterTheHorizon() {
        // given
        SceneAction first = moveNumbered(5, 1);
        driver.send(first);

        // when: the same action replayed after the horizon is decided again
        driver.advance(HORIZON.plusMinutes(1));
        ActionResult replay = driver.send(first);

        // then
        assertThat(replay.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(replay.getSceneVersion()).isEqualTo(3L);
    }

    @Test
    void shouldKeepALaterActionsClientSeqWhenAnEarlierRefusedOneExpires() {
        // given: a forged action with alice's number 9 (refused, remembered by actionId only), then alice's own
        driver.send(action(scene, "alice", Role.EDITOR, Fixtures.move(crate, 1, null)).setClientSeq(9)
                .setToken(Fixtures.token("mallory", Role.EDITOR)).build());
        driver.advance(Duration.ofMinutes(6));
        ActionResult own = driver.send(moveNumbered(9, 2));

        // when: the forged one expires, alice's does not
        driver.advance(Duration.ofMinutes(5));
        ActionResult retry = driver.send(moveNumbered(9, 3));

        // then
        assertThat(own.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(retry.getReason()).isEqualTo(ReasonCode.DUPLICATE);
        assertThat(retry.getOriginalStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }
}
