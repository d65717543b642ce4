package io.scenelog.edge.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Starts far from zero so that nothing depends on the clock's origin. */
    private final AtomicLong now = new AtomicLong(7_000_000_000_000L);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private RateLimiter limiter(double ratePerSecond, int burst) {
        return limiter(ratePerSecond, burst, RateLimiter.DEFAULT_MAX_KEYS);
    }

    private RateLimiter limiter(double ratePerSecond, int burst, int maxKeys) {
        return new RateLimiter(ratePerSecond, burst, maxKeys, now::get);
    }

    private static int allowedOf(RateLimiter limiter, String key, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(key).allowed()) {
                allowed++;
            }
        }
        return allowed;
    }

    @Nested
    class Buckets {

        @Test
        void shouldAllowTheBurstThenDeny() {
            // given
            RateLimiter limiter = limiter(200, 400);

            // when
            int allowed = allowedOf(limiter, "alice", 400);
            Decision next = limiter.tryAcquire("alice");

            // then
            assertThat(allowed).isEqualTo(400);
            assertThat(next.allowed()).isFalse();
            assertThat(next.retryAfter()).isEqualTo(Duration.ofMillis(5));
            assertThat(next.retryAfterSeconds()).isEqualTo(1);
        }

        @Test
        void shouldRefillAtTheRate() {
            // given
            RateLimiter limiter = limiter(200, 400);
            allowedOf(limiter, "alice", 400);

            // when
            advance(Duration.ofSeconds(1));

            // then
            assertThat(allowedOf(limiter, "alice", 1000)).isEqualTo(200);
        }

        @Test
        void shouldAllowOneRequestOnceOneTokenHasRefilled() {
            // given
            RateLimiter limiter = limiter(200, 400);
            allowedOf(limiter, "alice", 400);

            // when
            advance(Duration.ofMillis(4));
            Decision early = limiter.tryAcquire("alice");
            advance(Duration.ofMillis(1));

            // then
            assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(1));
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
            assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        }

        @Test
        void shouldNeverHoldMoreThanTheBurst() {
            // given
            RateLimiter limiter = limiter(200, 400);
            limiter.tryAcquire("alice");

            // when
            advance(Duration.ofHours(1));

            // then
            assertThat(allowedOf(limiter, "alice", 1000)).isEqualTo(400);
        }

        @Test
        void shouldKeepKeysIndependent() {
            // given
            RateLimiter limiter = limiter(1, 3);
            allowedOf(limiter, "alice", 3);

            // then
            assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
            assertThat(allowedOf(limiter, "bob", 10)).isEqualTo(3);
        }

        @Test
        void shouldTellHowLongUntilTheNextToken() {
            // given: one token every two seconds
            RateLimiter limiter = limiter(0.5, 1);
            limiter.tryAcquire("alice");

            // when
            Decision atOnce = limiter.tryAcquire("alice");
            advance(Duration.ofMillis(700));
            Decision later = limiter.tryAcquire("alice");
            advance(Duration.ofMillis(1299));
            Decision almost = limiter.tryAcquire("alice");

            // then
            assertThat(atOnce.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(atOnce.retryAfterSeconds()).isEqualTo(2);
            assertThat(later.retryAfter()).isEqualTo(Duration.ofMillis(1300));
            assertThat(later.retryAfterSeconds()).isEqualTo(2);
            assertThat(almost.retryAfter()).isEqualTo(Duration.ofMillis(1));
            assertThat(almost.retryAfterSeconds()).isEqualTo(1);
        }

        @Test
        void shouldNotLetDeniedRequestsDelayTheNextToken() {
            // given
            RateLimiter limiter = limiter(1, 1);
            limiter.tryAcquire("alice");

            // when: a client hammers while empty
            allowedOf(limiter, "alice", 1000);
            advance(Duration.ofSeconds(1));

            // then
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        }

        @Test
        void shouldWorkAcrossAWrappingNanoTime() {
            // given
            now.set(Long.MAX_VALUE - Duration.ofMillis(500).toNanos());
            RateLimiter limiter = limiter(1, 1);
            limiter.tryAcquire("alice");

            // when
            advance(Duration.ofMillis(999));
            Decision early = limiter.tryAcquire("alice");
            advance(Duration.ofMillis(1));

            // then
            assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(1));
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        }
    }

    @Nested
    class Memory {

        @Test
        void shouldNeverTrackMoreThanMaxKeys() {
            // given: time stands still, so no bucket ever refills
            RateLimiter limiter = limiter(1, 5, 100);

            for (int i = 0; i < 10_000; i++) {
                // when
                limiter.tryAcquire("user-" + i);

                // then
                assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(100);
            }
        }

        @Test
        void shouldDropFullBucketsBeforeBusyOnes() {
            // given: nine keys that were busy long ago, now full again, and one busy now
            RateLimiter limiter = limiter(1, 1, 10);
            for (int i = 0; i < 9; i++) {
                limiter.tryAcquire("idle-" + i);
            }
            advance(Duration.ofSeconds(5));
            limiter.tryAcquire("busy");

            // when
            limiter.tryAcquire("newcomer");

            // then: the busy key keeps its state
            assertThat(limiter.trackedKeys()).isEqualTo(2);
            assertThat(limiter.tryAcquire("busy").allowed()).isFalse();
            assertThat(limiter.tryAcquire("newcomer").allowed()).isFalse();
        }

        @Test
        void shouldEvictTheBucketsClosestToFullWhenAllAreBusy() {
            // given: ten busy keys, key-0 the longest ago
            RateLimiter limiter = limiter(1, 1, 10);
            for (int i = 0; i < 10; i++) {
                limiter.tryAcquire("key-" + i);
                advance(Duration.ofMillis(1));
            }

            // when: one more key needs room, which frees a tenth of the table
            limiter.tryAcquire("newcomer");

            // then: key-0 starts again with a full bucket, key-1 keeps its state
            assertThat(limiter.trackedKeys()).isEqualTo(10);
            assertThat(limiter.tryAcquire("key-1").allowed()).isFalse();
            assertThat(limiter.tryAcquire("key-0").allowed()).isTrue();
        }

        @Test
        void shouldFreeATenthOfTheTableAtOnceSoCleanUpsAreRare() {
            // given
            RateLimiter limiter = limiter(1, 1, 100);
            for (int i = 0; i < 100; i++) {
                limiter.tryAcquire("key-" + i);
            }

            // when
            limiter.tryAcquire("newcomer");

            // then
            assertThat(limiter.trackedKeys()).isEqualTo(91);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void shouldGrantExactlyTheBurstToManyThreadsOnOneKey() throws Exception {
            // given
            RateLimiter limiter = limiter(1, 500);

            // when
            List<Integer> allowed = runConcurrently(8, thread -> allowedOf(limiter, "shared", 1000));

            // then
            assertThat(allowed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        }

        @Test
        void shouldStayBoundedWithManyThreadsAddingKeys() throws Exception {
            // given
            RateLimiter limiter = limiter(1, 1, 50);

            // when
            List<Integer> allowed = runConcurrently(8, thread -> {
                int granted = 0;
                for (int i = 0; i < 2_000; i++) {
                    granted += limiter.tryAcquire("t" + thread + "-" + i).allowed() ? 1 : 0;
                }
                return granted;
            });

            // then: every key is new, so every first request is allowed
            assertThat(allowed).containsOnly(2_000);
            assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(50);
        }

        private List<Integer> runConcurrently(int threads, ThreadTask task) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Callable<Integer> work = () -> {
                        start.await();
                        return task.run(thread);
                    };
                    results.add(pool.submit(work));
                }
                start.countDown();
                List<Integer> values = new ArrayList<>();
                for (Future<Integer> result : results) {
                    values.add(result.get(30, TimeUnit.SECONDS));
                }
                return values;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shouldRejectSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> limiter(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond");
        assertThatThrownBy(() -> limiter(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> limiter(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxKeys");
        assertThatThrownBy(() -> limiter(1e-9, Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spans more than 36 years");
        assertThatThrownBy(() -> limiter(1e-12, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @FunctionalInterface
    private interface ThreadTask {
        int run(int thread) throws Exception;
    }
}
