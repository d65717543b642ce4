package io.scenelog.livelink.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.livelink.client.LivelinkQueryException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class QueryTrackerTest {

    private final QueryTracker tracker = new QueryTracker();

    @Test
    void shouldCompleteWithEveryPartInOrderOnceTheLastArrives() {
        // given
        Query query = query();
        CompletableFuture<List<QueryResult>> answer = tracker.track(query);
        QueryResult first = part(query.getQueryId(), 0, false, 8);
        QueryResult second = part(query.getQueryId(), 1, true, 8);

        // when
        tracker.accept(first);
        boolean doneAfterFirst = answer.isDone();
        tracker.accept(second);

        // then
        assertThat(doneAfterFirst).isFalse();
        assertThat(answer.join()).containsExactly(first, second);
        assertThat(tracker.waiting()).isZero();
    }

    @Test
    void shouldFailAQueryAnsweredWithoutOk() {
        // given
        Query query = query();
        CompletableFuture<List<QueryResult>> answer = tracker.track(query);

        // when
        QueryResult invalid = part(query.getQueryId(), 0, true, 0);
        invalid.setStatus(QueryStatus.INVALID);
        invalid.setMessage("too many ids");
        tracker.accept(invalid);

        // then
        assertThat(answer).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(LivelinkQueryException.class).withMessageContaining("too many ids");
    }

    @Test
    void shouldFailAnAnswerWhosePartsComeOutOfOrder() {
        // given
        Query query = query();
        CompletableFuture<List<QueryResult>> answer = tracker.track(query);

        // when
        tracker.accept(part(query.getQueryId(), 1, true, 3));

        // then
        assertThat(answer).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(LivelinkProtocolException.class).withMessageContaining("got part 1");
    }

    @Test
    void shouldFailAnAnswerWhosePartsDisagreeOnTheVersion() {
        // given
        Query query = query();
        CompletableFuture<List<QueryResult>> answer = tracker.track(query);

        // when
        tracker.accept(part(query.getQueryId(), 0, false, 3));
        tracker.accept(part(query.getQueryId(), 1, true, 4));

        // then
        assertThat(answer).isCompletedExceptionally();
    }

    @Test
    void shouldIgnoreAPartOfNoWaitingQuery() {
        assertThat(tracker.accept(part(99, 0, true, 1))).isFalse();
    }

    @Test
    void shouldDropGatheredPartsWhenRestarted() {
        // given half an answer before the connection dropped
        Query query = query();
        CompletableFuture<List<QueryResult>> answer = tracker.track(query);
        tracker.accept(part(query.getQueryId(), 0, false, 3));

        // when the query is asked again and answered afresh
        List<Query> again = tracker.restart();
        QueryResult whole = part(query.getQueryId(), 0, true, 5);
        tracker.accept(whole);

        // then
        assertThat(again).containsExactly(query);
        assertThat(answer.join()).containsExactly(whole);
    }

    private Query query() {
        return new Query(tracker.nextQueryId(), new EntityStateQuery(List.of()));
    }

    private static QueryResult part(long queryId, int part, boolean last, long version) {
        return QueryResult.newBuilder().setQueryId(queryId).setStatus(QueryStatus.OK).setSceneVersion(version)
                .setEntities(List.of()).setPart(part).setLast(last).build();
    }
}
