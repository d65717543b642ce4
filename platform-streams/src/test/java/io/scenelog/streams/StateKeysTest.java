package io.scenelog.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class StateKeysTest {

    private final UUID scene = UUID.fromString("5c3e1d2a-0000-4000-8000-000000000001");
    private final UUID entity = UUID.fromString("e0000000-0000-4000-8000-000000000003");

    @Test
    void shouldJoinOwnerAndEntityWithASlash() {
        assertThat(StateKeys.sceneEntity(scene, entity))
                .isEqualTo("5c3e1d2a-0000-4000-8000-000000000001/e0000000-0000-4000-8000-000000000003");
        assertThat(StateKeys.sceneEntity(scene, entity)).startsWith(StateKeys.prefix(scene));
    }

    @Test
    void shouldParseAKeyItWrote() {
        // when
        StateKeys.EntityKey key = StateKeys.parse(StateKeys.sessionEntity(scene, entity));

        // then
        assertThat(key).isEqualTo(new StateKeys.EntityKey(scene, entity));
    }

    @Test
    void shouldRefuseKeysThatAreNotTwoUuids() {
        assertThatThrownBy(() -> StateKeys.parse("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateKeys.parse("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two UUIDs");
        assertThatThrownBy(() -> StateKeys.parse(scene + "/" + entity + "/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPlaceASceneWhereKafkasDefaultPartitionerPutsItsActions() {
        for (int i = 0; i < 200; i++) {
            // given
            UUID sceneId = UUID.randomUUID();
            byte[] key = sceneId.toString().getBytes(StandardCharsets.UTF_8);

            // then
            assertThat(StateKeys.partitionOf(sceneId, Topics.SCENE_PARTITIONS))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key, Topics.SCENE_PARTITIONS));
        }
    }
}
