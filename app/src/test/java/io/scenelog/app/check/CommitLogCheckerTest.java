package io.scenelog.app.check;

import static io.scenelog.app.support.SampleActions.create;
import static io.scenelog.app.support.SampleActions.move;
import static io.scenelog.app.support.SampleEvents.at;
import static io.scenelog.app.support.SampleEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.EntityState;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitLogCheckerTest {

    private final CommitLogChecker checker = new CommitLogChecker();
    private final MiniPipeline pipeline = new MiniPipeline();
    private final UUID crate = UUID.randomUUID();

    @BeforeEach
    void commitACreateAndTwoMoves() {
        pipeline.commit(create(pipeline.sceneId, "sim", 1, crate, at(0, 0, 0)));
        pipeline.commit(move(pipeline.sceneId, "sim", 2, crate, at(1, 0, 0)));
        pipeline.commit(move(pipeline.sceneId, "sim", 3, crate, at(2, 0, 0)));
    }

    @Test
    void shouldPassWhenEveryAcknowledgedActionIsCommittedOnceAndTheStateMatches() {
        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.entities()).isEqualTo(1);
        assertThat(report.describe()).contains("3 events, 3 accepted, 0 rejected, 0 unresolved, 1 entities: OK");
    }

    @Test
    void shouldReportAnAcknowledgedActionMissingFromTheLog() {
        // given: the last event is lost, its result survives
        SceneEvent lost = pipeline.events.remove(2);

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).anyMatch(v -> v.contains("Action " + lost.getActionId()
                + " was acknowledged (ACCEPTED at version 3) but is missing from the commit log"));
    }

    @Test
    void shouldReportAnActionAppliedTwice() {
        // given: the second move is applied again as a fourth event
        SceneAction again = pipeline.sent.values().stream().toList().get(2);
        pipeline.commit(again);
        pipeline.results.remove(pipeline.results.size() - 1);

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).anyMatch(v -> v.contains("Action " + again.getActionId()
                + " is committed more than once (versions 3 and 4)"));
    }

    @Test
    void shouldReportAGapInTheSceneVersions() {
        // given
        pipeline.events.remove(1);

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).anyMatch(v -> v.contains("Scene version 3") && v.contains("gap"))
                .anyMatch(v -> v.contains("at entity version 3 after 1"));
    }

    @Test
    void shouldReportStateThatDiffersFromTheLog() {
        // given: scene-state kept the first move only
        EntityState stale = pipeline.state.get(crate);
        pipeline.state.put(crate, EntityState.newBuilder().setSceneId(stale.getSceneId()).setEntityId(crate)
                .setSessionId(null).setVersion(2).setSceneVersion(2)
                .setComponents(pipeline.events.get(0).getChanges().get(0).getComponents())
                .setUpdatedAt(stale.getUpdatedAt()).build());

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).singleElement().asString().contains("Entity " + crate + " differs")
                .contains("scene-state has version 2 at scene version 2")
                .contains("the commit log implies version 3 at scene version 3");
    }

    @Test
    void shouldReportAnEntityInStateThatTheLogDoesNotHave() {
        // given
        UUID ghost = UUID.randomUUID();
        EntityState real = pipeline.state.get(crate);
        pipeline.state.put(ghost, EntityState.newBuilder().setSceneId(real.getSceneId()).setEntityId(ghost)
                .setSessionId(null).setVersion(1).setSceneVersion(1).setComponents(real.getComponents())
                .setUpdatedAt(real.getUpdatedAt()).build());

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).containsExactly("Entity " + ghost
                + " is in scene-state but the commit log has no such (live) entity");
    }

    @Test
    void shouldCountActionsWithoutResultAsUnresolvedNotViolated() {
        // given: sent, not yet processed
        SceneAction pending = move(pipeline.sceneId, "sim", 4, crate, at(3, 0, 0));
        pipeline.sent.put(pending.getActionId(), pending);

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.passed()).isTrue();
        assertThat(report.unresolved()).isEqualTo(1);
    }

    @Test
    void shouldReportAnEventThatDoesNotCarryTheSentComponents() {
        // given: the action said x=2, the event says x=1
        SceneEvent last = pipeline.events.get(2);
        pipeline.events.set(2, event(pipeline.sceneId, 3, last.getActionId(),
                "sim", last.getCommittedAt(), pipeline.events.get(1).getChanges()));

        // when
        CheckReport report = checker.check(pipeline.input());

        // then
        assertThat(report.violations()).anyMatch(v -> v.contains("lacks the UPDATED change of entity " + crate));
    }
}
