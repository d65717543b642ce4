package io.scenelog.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.streams.testing.Fixtures;
import io.scenelog.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class SceneTopologyTest {

    private final TopologyDescription description =
            SceneTopology.build(TopologySettings.defaults(Fixtures.KEY), new InMemorySchemaRegistryClient())
                    .describe();

    private List<TopologyDescription.Node> nodes() {
        List<TopologyDescription.Node> nodes = new ArrayList<>();
        description.subtopologies().forEach(sub -> nodes.addAll(sub.nodes()));
        return nodes;
    }

    @Test
    void shouldBeOneSubtopologyWithoutRepartitioning() {
        assertThat(description.subtopologies()).hasSize(1);
    }

    @Test
    void shouldKeepTheRenderNodesInOneGlobalStore() {
        assertThat(description.globalStores()).singleElement().satisfies(global -> {
            assertThat(global.source().topicSet()).containsExactly(Topics.RENDER_NODES.name());
            assertThat(global.processor().name()).isEqualTo("render-nodes-update");
            assertThat(global.processor().stores()).containsExactly("render-nodes-store");
        });
    }

    @Test
    void shouldReadAsBusinessSteps() {
        assertThat(nodes()).extracting(TopologyDescription.Node::name).containsExactlyInAnyOrder(
                "scene-actions-source", "scene-control-source", "validate-and-commit", "committed-events-sink",
                "persisted-state-sink", "session-overlay-sink", "action-results-sink", "session-lifecycle-sink",
                "scene-records-sink");
    }

    @Test
    void shouldNameEveryStoreOfTheCommitStep() {
        // when
        TopologyDescription.Processor commit = nodes().stream()
                .filter(TopologyDescription.Processor.class::isInstance).map(TopologyDescription.Processor.class::cast)
                .findFirst().orElseThrow();

        // then
        assertThat(commit.stores()).containsExactlyInAnyOrder("scenes-store", "entities-store", "overlay-store",
                "sessions-store", "dedup-store");
    }

    @Test
    void shouldWriteEveryOutputTopicOfTheCatalogue() {
        // when
        List<String> topics = nodes().stream().filter(TopologyDescription.Sink.class::isInstance)
                .map(node -> ((TopologyDescription.Sink) node).topic()).toList();

        // then
        assertThat(topics).containsExactlyInAnyOrder(Topics.SCENE_EVENTS.name(), Topics.SCENE_STATE.name(),
                Topics.SESSION_STATE.name(), Topics.ACTION_RESULTS.name(), Topics.SESSIONS.name(),
                Topics.SCENES.name());
    }
}
