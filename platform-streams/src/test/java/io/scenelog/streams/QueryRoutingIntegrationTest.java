package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.streams.internal.RegistryClients;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import io.scenelog.streams.testing.RunningPlatform;
import io.scenelog.streams.testing.TopicClients;
import io.scenelog.testkit.UniqueNames;
import io.scenelog.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one application split the scenes; each answers a query for any scene, reading its own
 * stores or asking the owner over HTTP.
 */
class QueryRoutingIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void shouldAnswerEveryScenesQueryOnEveryInstance() {
        // given: twelve scenes, so both instances own some (all on one has a chance of 1 in 2048)
        String applicationId = UniqueNames.transactionalId("routing-it");
        SchemaRegistryClient registry = RegistryClients.forUrl(RunningPlatform.registryUrl());
        Map<UUID, UUID> entityOfScene = new HashMap<>();
        try (PlatformStreams first = PlatformStreams.start(RunningPlatform.settings(applicationId).build());
                PlatformStreams second = PlatformStreams.start(RunningPlatform.settings(applicationId).build());
                KafkaProducer<String, SceneControl> control = TopicClients.producer(Topics.SCENE_CONTROL, registry);
                KafkaProducer<String, SceneAction> actions = TopicClients.producer(Topics.SCENE_ACTIONS, registry)) {
            for (int i = 0; i < 12; i++) {
                UUID scene = UUID.randomUUID();
                UUID entity = UUID.randomUUID();
                entityOfScene.put(scene, entity);
                TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.toString(), live(createScene(scene)));
                TopicClients.send(actions, Topics.SCENE_ACTIONS.name(), scene.toString(),
                        live(action(scene, "alice", Role.EDITOR, create(entity, cube("e"))).build(), Role.EDITOR));
            }
            Awaitility.await().atMost(DEADLINE).until(() -> first.state() == KafkaStreams.State.RUNNING
                    && second.state() == KafkaStreams.State.RUNNING);

            // when
            List<Optional<SceneSnapshot>> answers = new ArrayList<>();
            for (PlatformStreams instance : List.of(first, second)) {
                for (UUID scene : entityOfScene.keySet()) {
                    answers.add(Awaitility.await().atMost(DEADLINE).ignoreException(StateNotQueryableException.class)
                            .until(() -> instance.queries().scene(scene),
                                    answer -> answer.isPresent() && answer.get().version() == 1));
                }
            }

            // then
            assertThat(answers).hasSize(24).allSatisfy(answer -> assertThat(answer.get().entities()).hasSize(1));
            assertThat(first.applicationServer()).isNotEqualTo(second.applicationServer());
            entityOfScene.forEach((scene, entity) -> {
                assertThat(first.queries().entity(scene, entity)).isPresent();
                assertThat(second.queries().entity(scene, entity)).isPresent();
                assertThat(second.queries().entity(scene, UUID.randomUUID())).isEmpty();
            });
        }
    }
}
