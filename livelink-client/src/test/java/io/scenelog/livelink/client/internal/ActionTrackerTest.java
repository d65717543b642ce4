package io.scenelog.livelink.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ActionTrackerTest {

    private static final UUID SCENE = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant AT = Instant.parse("2026-03-24T10:00:00Z");

    private final ActionTracker tracker = new ActionTracker();

    @Test
    void shouldHandOutIncreasingClientSeqsFromOne() {
        assertThat(List.of(tracker.nextClientSeq(), tracker.nextClientSeq(), tracker.nextClientSeq()))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldCompleteTheActionWhoseIdTheResultCarries() {
        // given
        SceneAction first = action();
        SceneAction second = action();
        CompletableFuture<ActionResult> firstResult = tracker.track(first);
        CompletableFuture<ActionResult> secondResult = tracker.track(second);

        // when
        boolean matched = tracker.complete(result(second, ActionStatus.REJECTED, ReasonCode.UNKNOWN_ENTITY).build());

        // then
        assertThat(matched).isTrue();
        assertThat(secondResult).isCompletedWithValueMatching(r -> r.getReason() == ReasonCode.UNKNOWN_ENTITY);
        assertThat(firstResult).isNotDone();
        assertThat(tracker.unanswered()).containsExactly(first);
    }

    @Test
    void shouldCountAResultForNoWaitingAction() {
        // given
        SceneAction action = action();
        tracker.track(action);
        tracker.complete(result(action, ActionStatus.ACCEPTED, null).build());

        // when the same result comes a second time
        boolean matched = tracker.complete(result(action, ActionStatus.ACCEPTED, null).build());

        // then
        assertThat(matched).isFalse();
        assertThat(tracker.unmatchedResults()).isEqualTo(1);
    }

    @Test
    void shouldTurnADuplicateAnswerIntoTheFirstOutcome() {
        // given
        SceneAction action = action();
        CompletableFuture<ActionResult> future = tracker.track(action);

        // when the resent action is answered DUPLICATE of an accepted first sending at version 12
        tracker.complete(result(action, ActionStatus.REJECTED, ReasonCode.DUPLICATE)
                .setOriginalStatus(ActionStatus.ACCEPTED).setSceneVersion(12L).build());

        // then
        ActionResult outcome = future.join();
        assertThat(outcome.getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        assertThat(outcome.getReason()).isNull();
        assertThat(outcome.getSceneVersion()).isEqualTo(12L);
        assertThat(outcome.getOriginalStatus()).isEqualTo(ActionStatus.ACCEPTED);
    }

    @Test
    void shouldTurnADuplicateOfARejectionIntoThatRejection() {
        // given
        SceneAction action = action();
        CompletableFuture<ActionResult> future = tracker.track(action);

        // when
        tracker.complete(result(action, ActionStatus.REJECTED, ReasonCode.DUPLICATE)
                .setOriginalStatus(ActionStatus.REJECTED).setOriginalReason(ReasonCode.VERSION_CONFLICT).build());

        // then
        assertThat(future.join().getReason()).isEqualTo(ReasonCode.VERSION_CONFLICT);
    }

    @Test
    void shouldRefuseToTrackTheSameActionIdTwice() {
        // given
        SceneAction action = action();
        tracker.track(action);

        // then
        assertThatThrownBy(() -> tracker.track(action)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(action.getActionId().toString());
    }

    @Test
    void shouldFailEveryWaitingActionAndForgetThem() {
        // given
        CompletableFuture<ActionResult> first = tracker.track(action());
        CompletableFuture<ActionResult> second = tracker.track(action());

        // when
        tracker.failAll(a -> new IllegalStateException("closed"));

        // then
        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThat(tracker.waiting()).isZero();
        assertThat(tracker.unanswered()).isEmpty();
    }

    private SceneAction action() {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(SCENE)
                .setClientId("client-1")
                .setToken("")
                .setClientSeq(tracker.nextClientSeq())
                .setSentAt(AT)
                .setOperations(List.of(new DeleteEntity(UUID.randomUUID(), null)))
                .build();
    }

    private static ActionResult.Builder result(SceneAction action, ActionStatus status, ReasonCode reason) {
        return ActionResult.newBuilder()
                .setActionId(action.getActionId())
                .setSceneId(SCENE)
                .setClientId(action.getClientId())
                .setClientSeq(action.getClientSeq())
                .setStatus(status)
                .setReason(reason)
                .setDecidedAt(AT);
    }
}
