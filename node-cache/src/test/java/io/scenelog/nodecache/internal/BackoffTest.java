package io.scenelog.nodecache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.nodecache.UpstreamRejectedException;
import io.scenelog.nodecache.UpstreamUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(300), waits::add);

    @Test
    void shouldDoubleTheWaitUpToItsCeilingAndThenGiveUpNamingTheAttempts() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when / then
        assertThatThrownBy(() -> backoff.call("blob x", () -> {
            calls.incrementAndGet();
            throw new UpstreamFailure("503", null);
        })).isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("blob x after 5 attempt(s)");
        assertThat(calls).hasValue(5);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void shouldReturnTheFirstSuccess() throws Exception {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when
        String result = backoff.call("listing", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new UpstreamFailure("connection refused", null);
            }
            return "page";
        });
        // then
        assertThat(result).isEqualTo("page");
        assertThat(waits).hasSize(2);
    }

    @Test
    void shouldNotRetryARefusal() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when / then
        assertThatThrownBy(() -> backoff.call("blob y", () -> {
            calls.incrementAndGet();
            throw new UpstreamRejectedException("401", 401);
        })).isInstanceOf(UpstreamRejectedException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
