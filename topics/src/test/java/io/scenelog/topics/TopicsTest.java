package io.scenelog.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameEveryTopicOfTheDesignOnce() {
        // when
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        // then
        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "scene-actions", "scene-control", "scene-events", "scene-state", "session-state",
                "action-results", "sessions", "scenes", "render-nodes", "assets", "api-keys", "dead-letters",
                "_schemas");
    }

    @Test
    void shouldCoPartitionEverySceneKeyedTopic() {
        // given: topics that Kafka Streams joins or routes by scene must agree on their partition count
        List<Topic<?, ?>> sceneKeyed = List.of(Topics.SCENE_ACTIONS, Topics.SCENE_CONTROL, Topics.SCENE_EVENTS,
                Topics.SCENE_STATE, Topics.SESSION_STATE, Topics.ACTION_RESULTS, Topics.SESSIONS, Topics.SCENES);

        // then
        Set<Integer> counts = sceneKeyed.stream().map(t -> t.spec().partitions()).collect(Collectors.toSet());
        assertThat(counts).containsExactly(Topics.SCENE_PARTITIONS);
    }

    @Test
    void shouldKeepTheSchemaLogInOnePartition() {
        assertThat(Topics.SCHEMAS.spec().partitions()).isOne();
        assertThat(Topics.SCHEMAS.spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    }

    @Test
    void shouldCompactStateTopicsAndKeepTheCommitLogForever() {
        assertThat(Topics.SCENE_STATE.spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.SESSION_STATE.spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.SCENE_EVENTS.spec().cleanup()).isEqualTo(CleanupPolicy.DELETE);
        assertThat(Topics.SCENE_EVENTS.spec().retention()).isEmpty();
    }

    @Test
    void shouldFindTopicsByName() {
        assertThat(Topics.byName("scene-events")).containsSame(Topics.SCENE_EVENTS);
        assertThat(Topics.byName("no-such-topic")).isEmpty();
    }

    @Test
    void shouldGiveEveryTopicWorkingSerdes() {
        // given
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

        // then: every serde can be created and round-trips a null (tombstone) value
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(topic.keySerde(registry)).as("key serde of %s", topic.name()).isNotNull();
            assertThat(topic.valueSerde(registry).serializer().serialize(topic.name(), null))
                    .as("tombstone of %s", topic.name()).isNull();
        }
    }

    @Test
    void shouldKeepSceneControlCommandsAWeekAndCompactScenes() {
        assertThat(Topics.SCENE_CONTROL.spec().cleanup()).isEqualTo(CleanupPolicy.DELETE);
        assertThat(Topics.SCENE_CONTROL.spec().retention()).contains(Duration.ofDays(7));
        assertThat(Topics.SCENES.spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.SCENES.spec().retention()).isEmpty();
    }
}
