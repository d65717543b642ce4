package io.scenelog.streams;

import static io.scenelog.streams.testing.Fixtures.action;
import static io.scenelog.streams.testing.Fixtures.create;
import static io.scenelog.streams.testing.Fixtures.createScene;
import static io.scenelog.streams.testing.Fixtures.cube;
import static io.scenelog.streams.testing.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.InvalidMagicByteException;
import io.scenelog.schemas.wire.UnknownSchemaIdException;
import io.scenelog.streams.internal.DeadLetters;
import io.scenelog.streams.internal.RegistryClients;
import io.scenelog.streams.query.SceneSnapshot;
import io.scenelog.streams.testing.RunningPlatform;
import io.scenelog.streams.testing.TopicClients;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlatformStreamsIntegrationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static PlatformStreams platform;
    private static SchemaRegistryClient registry;
    private static KafkaProducer<String, SceneAction> actions;
    private static KafkaProducer<String, SceneControl> control;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.platform();
        registry = RegistryClients.forUrl(RunningPlatform.registryUrl());
        actions = TopicClients.producer(Topics.SCENE_ACTIONS, registry);
        control = TopicClients.producer(Topics.SCENE_CONTROL, registry);
    }

    @AfterAll
    static void closeClients() {
        actions.close();
        control.close();
    }

    @Test
    void shouldRunAndServeTheCommittedSceneThroughTheStateQueryApi() {
        // given
        UUID scene = UUID.randomUUID();
        UUID crate = UUID.randomUUID();
        SceneAction create =
                live(action(scene, "alice", Role.EDITOR, create(crate, cube("crate"))).build(), Role.EDITOR);

        // when
        TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.toString(), live(createScene(scene)));
        TopicClients.send(actions, Topics.SCENE_ACTIONS.name(), scene.toString(), create);

        // then
        assertThat(platform.state()).isEqualTo(KafkaStreams.State.RUNNING);
        try (KafkaConsumer<String, ActionResult> results = TopicClients.consumer(Topics.ACTION_RESULTS, registry)) {
            List<ConsumerRecord<String, ActionResult>> read = TopicClients.readUntil(results,
                    r -> r.value().getActionId().equals(create.getActionId()), all -> !all.isEmpty(), DEADLINE);
            assertThat(read.get(0).value().getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        }
        Optional<SceneSnapshot> snapshot = Awaitility.await().atMost(DEADLINE)
                .until(() -> platform.queries().scene(scene), Optional::isPresent);
        assertThat(snapshot.get().version()).isEqualTo(1L);
        assertThat(snapshot.get().entities()).singleElement()
                .satisfies(e -> assertThat(e.getEntityId()).isEqualTo(crate));
        assertThat(platform.queries().entity(scene, crate)).isPresent();
        assertThat(platform.queries().scene(UUID.randomUUID())).isEmpty();
    }

    @Test
    void shouldDeadLetterAPoisonPillOnTheRealBrokerAndKeepProcessing() {
        // given
        UUID scene = UUID.randomUUID();
        TopicClients.send(control, Topics.SCENE_CONTROL.name(), scene.toString(), live(createScene(scene)));
        byte[] key = scene.toString().getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(0).array();
        SceneAction after = live(action(scene, "alice", Role.EDITOR, create(UUID.randomUUID(), cube("after")))
                .build(), Role.EDITOR);

        // when
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(KafkaTestClients.producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            TopicClients.send(raw, Topics.SCENE_ACTIONS.name(), key, "garbage".getBytes(StandardCharsets.UTF_8));
            TopicClients.send(raw, Topics.SCENE_ACTIONS.name(), key, unknownSchemaId);
        }
        TopicClients.send(actions, Topics.SCENE_ACTIONS.name(), scene.toString(), after);

        // then
        try (KafkaConsumer<String, ActionResult> results = TopicClients.consumer(Topics.ACTION_RESULTS, registry)) {
            List<ConsumerRecord<String, ActionResult>> read = TopicClients.readUntil(results,
                    r -> r.value().getActionId().equals(after.getActionId()), all -> !all.isEmpty(), DEADLINE);
            assertThat(read.get(0).value().getStatus()).isEqualTo(ActionStatus.ACCEPTED);
        }
        try (KafkaConsumer<byte[], byte[]> letters = TopicClients.consumer(Topics.DEAD_LETTERS, registry)) {
            List<ConsumerRecord<byte[], byte[]>> read = TopicClients.readUntil(letters,
                    r -> Arrays.equals(r.key(), key), all -> all.size() >= 2, DEADLINE);
            assertThat(read).extracting(r -> header(r, DeadLetters.EXCEPTION)).containsExactly(
                    InvalidMagicByteException.class.getName(), UnknownSchemaIdException.class.getName());
            assertThat(read).allSatisfy(r -> {
                assertThat(header(r, DeadLetters.TOPIC)).isEqualTo(Topics.SCENE_ACTIONS.name());
                assertThat(header(r, DeadLetters.PARTITION))
                        .isEqualTo(Integer.toString(StateKeys.partitionOf(scene, Topics.SCENE_PARTITIONS)));
                assertThat(header(r, DeadLetters.OFFSET)).isNotBlank();
            });
        }
        assertThat(platform.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
