package io.scenelog.livelink.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.SceneEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxTest {

    private final Inbox inbox = new Inbox();

    @Test
    void shouldReturnARecordReceivedBeforeTheWait() {
        // given
        inbox.onEvent(Samples.event(1, true));
        inbox.onEvent(Samples.event(2, true));

        // when
        SceneEvent second = inbox.awaitFirst(SceneEvent.class, e -> e.getVersion() == 2, Duration.ZERO);

        // then
        assertThat(second.getVersion()).isEqualTo(2);
    }

    @Test
    void shouldWakeAWaiterWhenTheRecordArrives() throws Exception {
        // given
        CompletableFuture<List<SceneEvent>> waiting = CompletableFuture.supplyAsync(() ->
                inbox.awaitCount(SceneEvent.class, e -> e.getPersisted(), 2, Duration.ofSeconds(10)));

        // when another thread (the connection's) delivers them
        inbox.onEvent(Samples.event(1, true));
        inbox.onEvent(Samples.event(2, false));
        inbox.onEvent(Samples.event(3, true));

        // then
        assertThat(waiting.get(10, TimeUnit.SECONDS)).extracting(SceneEvent::getVersion).containsExactly(1L, 3L);
    }

    @Test
    void shouldTimeOutNamingWhatWasAwaited() {
        // given
        inbox.onEvent(Samples.event(1, true));

        // when / then
        assertThatThrownBy(() -> inbox.awaitFirst(SceneEvent.class, e -> e.getVersion() == 9, Duration.ofMillis(20)))
                .isInstanceOf(LivelinkTimeoutException.class)
                .hasMessageContaining("SceneEvent").hasMessageContaining("0 did, of 1 records received");
    }

    @Test
    void shouldDropTheOldestBeyondItsCapacity() {
        // given
        Inbox small = new Inbox(2, LivelinkListener.NONE);

        // when
        small.onEvent(Samples.event(1, true));
        small.onEvent(Samples.event(2, true));
        small.onEvent(Samples.event(3, true));

        // then
        assertThat(small.all(SceneEvent.class)).extracting(SceneEvent::getVersion).containsExactly(2L, 3L);
        assertThat(small.dropped()).isEqualTo(1);
    }
}
