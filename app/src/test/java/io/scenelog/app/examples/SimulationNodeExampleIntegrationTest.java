package io.scenelog.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.app.check.CheckInput;
import io.scenelog.app.check.CheckReport;
import io.scenelog.app.check.CommitLogChecker;
import io.scenelog.app.check.CommittedLogReader;
import io.scenelog.app.check.SceneModel;
import io.scenelog.app.support.TestPlatform;
import io.scenelog.app.support.TestStreams;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.Transform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node.js simulation of {@code examples/simulation-node} (kafkajs and {@code @kafkajs/confluent-schema-registry},
 * schemas read from the registry) writes to a scene through Kafka; the committed state shows what it sent.
 */
class SimulationNodeExampleIntegrationTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static TestStreams streams;

    @TempDir
    Path workDirectory;

    @BeforeAll
    static void startPipeline() {
        streams = TestStreams.start("node-example");
    }

    @AfterAll
    static void stopPipeline() {
        streams.close();
    }

    @Test
    void shouldCommitTheEntitiesAndTransformsTheNodeSimulationSent() {
        // given
        UUID scene = UUID.randomUUID();
        String client = "sim-node-" + UUID.randomUUID().toString().substring(0, 8);

        // when: a scene of its own, 3 entities, 5 updates per entity per second for 2 seconds
        NodeSimulation.Result run = NodeSimulation.run(workDirectory, "--scene", scene.toString(), "--create-scene",
                "--entities", "3", "--rate-hz", "5", "--duration", "2s", "--client-id", client,
                "--token-key-file", streams.keyFile().toString(),
                "--bootstrap-servers", TestPlatform.bootstrapServers(),
                "--registry-url", TestPlatform.registryUrl().toString());

        // then: every action accepted, by its own count and by action-results
        assertThat(run.exitCode()).as(run.progress()).isZero();
        JsonNode summary = run.summary();
        assertThat(summary.get("sent").asLong()).isEqualTo(1 + 3 * 10);
        assertThat(summary.get("accepted").asLong()).isEqualTo(summary.get("sent").asLong());
        assertThat(summary.get("rejected").asLong()).isZero();
        assertThat(run.progress()).contains("sent=31 accepted=31 rejected=0 lag=0");
        CommittedLogReader reader = new CommittedLogReader(TestPlatform.bootstrapServers(), TestPlatform.registry());
        assertThat(reader.results(scene, READ_TIMEOUT)).filteredOn(r -> r.getClientId().equals(client))
                .hasSize(1 + 31).allMatch(r -> r.getStatus() == ActionStatus.ACCEPTED);

        // and: the committed state holds its entities at the last transforms it sent
        CheckInput committed = reader.read(scene, Map.of(), READ_TIMEOUT);
        CheckReport check = new CommitLogChecker().check(committed);
        assertThat(check.passed()).as(check.describe()).isTrue();
        assertThat(check.entities()).isEqualTo(3);
        SceneModel model = new SceneModel();
        committed.events().forEach(model::apply);
        Iterator<Map.Entry<String, JsonNode>> sent = summary.get("entities").fields();
        while (sent.hasNext()) {
            Map.Entry<String, JsonNode> entity = sent.next();
            SceneModel.Entity state = model.entities().get(UUID.fromString(entity.getKey()));
            assertThat(state).as("entity %s", entity.getKey()).isNotNull();
            assertThat(state.components().getName()).startsWith("body-");
            assertSameTransform(state.components().getTransform(), entity.getValue());
        }
    }

    private static void assertSameTransform(Transform committed, JsonNode sent) {
        assertThat(committed.getPosition().getX()).isEqualTo(sent.at("/position/x").asDouble());
        assertThat(committed.getPosition().getY()).isEqualTo(sent.at("/position/y").asDouble());
        assertThat(committed.getPosition().getZ()).isEqualTo(sent.at("/position/z").asDouble());
        assertThat(committed.getRotation().getY()).isEqualTo(sent.at("/rotation/y").asDouble());
        assertThat(committed.getRotation().getW()).isEqualTo(sent.at("/rotation/w").asDouble());
        assertThat(committed.getScale().getX()).isEqualTo(sent.at("/scale/x").asDouble());
    }
}
