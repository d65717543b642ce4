package io.scenelog.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void shouldRejectIllegalTopicName() {
        assertThatThrownBy(() -> spec("scene events", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'scene events' is not a legal Kafka topic name");
    }

    @Test
    void shouldRejectZeroPartitions() {
        assertThatThrownBy(() -> spec("scene-events", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scene-events needs at least one partition");
    }

    @Test
    void shouldRejectNonPositiveRetention() {
        assertThatThrownBy(() -> new TopicSpec("t", 1, CleanupPolicy.DELETE, Optional.of(Duration.ZERO),
                Map.of(), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention must be positive");
    }

    @Test
    void shouldExpressForeverRetentionAsMinusOne() {
        // given
        TopicSpec spec = spec("t", 3);

        // when
        Map<String, String> configs = spec.topicConfigs();

        // then
        assertThat(configs).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
    }

    @Test
    void shouldKeepExtraConfigsBesideCleanupAndRetention() {
        // given
        TopicSpec spec = new TopicSpec("t", 1, CleanupPolicy.COMPACT, Optional.of(Duration.ofHours(1)),
                Map.of("min.compaction.lag.ms", "5"), "test");

        // then
        assertThat(spec.topicConfigs()).containsEntry("min.compaction.lag.ms", "5")
                .containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "3600000");
    }

    @Test
    void shouldParseMultiPolicyCleanupConfig() {
        assertThat(CleanupPolicy.parseConfig("compact, delete")).containsExactly("compact", "delete");
    }

    private static TopicSpec spec(String name, int partitions) {
        return new TopicSpec(name, partitions, CleanupPolicy.DELETE, Optional.empty(), Map.of(), "test");
    }
}
