package io.scenelog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void shouldGiveEveryCallAFreshLegalTopicName() {
        // given
        String prefix = "scene-actions";

        // when
        String first = UniqueNames.topic(prefix);
        String second = UniqueNames.topic(prefix);

        // then
        assertThat(first).startsWith(prefix + "-").isNotEqualTo(second);
        Topic.validate(first);
    }

    @Test
    void shouldRejectAPrefixKafkaCannotUse() {
        // given
        String prefix = "scene actions";

        // when / then
        assertThatThrownBy(() -> UniqueNames.groupId(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'scene actions'");
    }
}
