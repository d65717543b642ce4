package io.scenelog.app.tail;

import static io.scenelog.app.support.SampleEvents.at;
import static io.scenelog.app.support.SampleEvents.change;
import static io.scenelog.app.support.SampleEvents.event;
import static io.scenelog.app.support.SampleEvents.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.app.ScenelogMainAccess;
import io.scenelog.app.support.TestPlatform;
import io.scenelog.model.Components;
import io.scenelog.model.EntityChangeKind;
import io.scenelog.model.SceneEvent;
import io.scenelog.testkit.KafkaTestClients;
import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code scenelog tail} against the shared broker and a real registry, reading events written as Avro. */
class TailCommandIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID scene = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private final UUID lamp = UUID.randomUUID();
    private final Instant start = Instant.now();

    @BeforeEach
    void commitThreeEventsAndOneOfAnotherScene() {
        publish(List.of(
                event(scene, 1, "sim-a", start, List.of(
                        change(crate, EntityChangeKind.CREATED, 1, transform(at(0, 0, 0))),
                        change(lamp, EntityChangeKind.CREATED, 1, transform(at(5, 5, 5))))),
                event(UUID.randomUUID(), 1, "sim-a", start, List.of(
                        change(UUID.randomUUID(), EntityChangeKind.CREATED, 1, transform(at(9, 9, 9))))),
                event(scene, 2, "sim-b", start.plusMillis(10), List.of(
                        change(crate, EntityChangeKind.UPDATED, 2, transform(at(1, 0, 0))))),
                event(scene, 3, "sim-a", start.plusMillis(20), List.of(
                        change(lamp, EntityChangeKind.UPDATED, 2, transform(at(6, 5, 5)))))));
    }

    @Test
    void shouldPrintEveryCommittedEventOfTheSceneFromTheBeginning() throws Exception {
        // when
        Run run = tail("--scene", scene.toString(), "--from-beginning", "--max", "3", "--timeout", "30s");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.events()).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(run.events().get(0).get("changes")).hasSize(2);
        assertThat(run.events().get(1).at("/changes/0/components/transform/position/x").asDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldStartAtTheGivenSceneVersion() throws Exception {
        // when
        Run run = tail("--scene", scene.toString(), "--from-version", "2", "--max", "2", "--timeout", "30s");

        // then
        assertThat(run.events()).extracting(e -> e.get("version").asLong()).containsExactly(2L, 3L);
    }

    @Test
    void shouldFilterByEntityAndClient() throws Exception {
        // when
        Run lampOnly = tail("--scene", scene.toString(), "--from-beginning", "--entity", lamp.toString(),
                "--max", "2", "--timeout", "30s");
        Run simB = tail("--scene", scene.toString(), "--from-beginning", "--client", "sim-b", "--max", "1",
                "--timeout", "30s");

        // then
        assertThat(lampOnly.events()).extracting(e -> e.get("version").asLong()).containsExactly(1L, 3L);
        assertThat(lampOnly.events()).allSatisfy(e -> assertThat(e.get("changes")).hasSize(1)
                .allSatisfy(c -> assertThat(c.get("entityId").asText()).isEqualTo(lamp.toString())));
        assertThat(simB.events()).extracting(e -> e.get("version").asLong()).containsExactly(2L);
    }

    @Test
    void shouldFollowLiveEventsOnly() throws Exception {
        // given: a live tail, started after the three events
        CompletableFuture<Run> live = CompletableFuture.supplyAsync(() -> tail("--scene", scene.toString(),
                "--max", "1", "--timeout", "60s"));

        // when: a fourth event is committed while it runs (again until the tail, positioning itself, sees one)
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!live.isDone()) {
                publish(List.of(event(scene, 4, "sim-c", Instant.now(), List.of(
                        change(crate, EntityChangeKind.DELETED, 3, Components.newBuilder().build())))));
            }
            return live.isDone();
        });

        // then
        Run run = live.get(30, TimeUnit.SECONDS);
        assertThat(run.events()).hasSize(1);
        assertThat(run.events().get(0).get("version").asLong()).isEqualTo(4);
        assertThat(run.events().get(0).at("/changes/0/components").toString()).isEqualTo("{}");
    }

    @Test
    void shouldStopAfterTheTimeoutWhenNothingMatches() throws Exception {
        // when
        Run run = tail("--scene", UUID.randomUUID().toString(), "--from-beginning", "--timeout", "2s");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.events()).isEmpty();
    }

    private static void publish(List<SceneEvent> events) {
        try (KafkaProducer<String, SceneEvent> producer = new KafkaProducer<>(KafkaTestClients.producerConfig(),
                Topics.SCENE_EVENTS.keySerde(TestPlatform.registry()).serializer(),
                Topics.SCENE_EVENTS.valueSerde(TestPlatform.registry()).serializer())) {
            for (SceneEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.SCENE_EVENTS.name(), event.getSceneId().toString(), event));
            }
            producer.flush();
        }
    }

    private static Run tail(String... options) {
        List<String> args = new ArrayList<>(List.of("tail", "--bootstrap-servers", TestPlatform.bootstrapServers(),
                "--registry-url", TestPlatform.registryUrl().toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ScenelogMainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        assertThat(exitCode).as("tail failed: %s", err).isZero();
        return new Run(exitCode, out.toString().lines().map(TailCommandIntegrationTest::parse).toList());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("tail printed a line that is not JSON: " + line, e);
        }
    }

    private record Run(int exitCode, List<JsonNode> events) {
    }
}
