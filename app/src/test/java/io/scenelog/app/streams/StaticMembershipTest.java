package io.scenelog.app.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    @Test
    void shouldGiveTheMainConsumerAStableInstanceId() {
        // when
        Map<String, String> overrides = StaticMembership.with(Map.of("security.protocol", "SSL"), "streams-1");

        // then
        assertThat(overrides).containsEntry("main.consumer.group.instance.id", "streams-1")
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void shouldLeaveTheOverridesAloneWithoutAnInstanceId() {
        // when / then
        assertThat(StaticMembership.with(Map.of(), null)).isEmpty();
        assertThatThrownBy(() -> StaticMembership.with(Map.of(), " ")).hasMessageContaining("--instance-id");
    }
}
