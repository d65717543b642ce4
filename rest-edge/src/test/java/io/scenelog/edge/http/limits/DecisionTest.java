package io.scenelog.edge.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void shouldRoundTheRetryAfterHeaderUpToWholeSeconds() {
        assertThat(Decision.deny(Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(Decision.deny(Duration.ofMillis(5)).retryAfterSeconds()).isEqualTo(1);
        assertThat(Decision.deny(Duration.ofSeconds(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(Decision.deny(Duration.ofSeconds(1).plusNanos(1)).retryAfterSeconds()).isEqualTo(2);
        assertThat(Decision.deny(Duration.ofMillis(2500)).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void shouldWaitNothingWhenAllowed() {
        assertThat(Decision.allow().allowed()).isTrue();
        assertThat(Decision.allow().retryAfter()).isZero();
        assertThat(Decision.allow().retryAfterSeconds()).isZero();
    }

    @Test
    void shouldRefuseInconsistentDecisions() {
        assertThatThrownBy(() -> Decision.deny(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.deny(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(true, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
