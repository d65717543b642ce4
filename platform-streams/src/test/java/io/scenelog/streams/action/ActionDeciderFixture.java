package io.scenelog.streams.action;

import static io.scenelog.streams.testing.Fixtures.T0;
import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.cube;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.streams.testing.MapSceneState;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/** A scene with one entity (a crate) and the decider the rule tests share. */
abstract class ActionDeciderFixture {

    protected final UUID scene = UUID.randomUUID();
    protected final UUID session = UUID.randomUUID();
    protected final UUID crate = UUID.randomUUID();
    protected final ActionDecider decider =
            new ActionDecider(new TokenVerifier(Fixtures.KEY, Clock.fixed(T0, ZoneOffset.UTC)));
    protected final MapSceneState state = new MapSceneState(scene).withScene(7).withEntity(crate, cube("crate"), 3);

    protected ActionOutcome decide(SceneAction action) {
        return decider.decide(state, action, T0);
    }

    protected static void assertRejected(ActionOutcome outcome, ReasonCode reason) {
        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).as(rejected.rejection().message())
                        .isEqualTo(reason));
    }

    protected static ActionOutcome.Committed assertCommitted(ActionOutcome outcome) {
        assertThat(outcome).isInstanceOf(ActionOutcome.Committed.class);
        return (ActionOutcome.Committed) outcome;
    }
}
