package io.scenelog.bridge.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenTheRate() {
        // given: 2 a second, burst 3
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        // when, then
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(SECOND / 2)).isTrue();
        assertThat(bucket.tryTake(SECOND / 2)).isFalse();
    }

    @Test
    void shouldNeverSaveMoreThanItsCapacity() {
        // given
        TokenBucket bucket = new TokenBucket(10, 2, 0);

        // when: a long quiet time
        long later = 100 * SECOND;

        // then
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }
}
