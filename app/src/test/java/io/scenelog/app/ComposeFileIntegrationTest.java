package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates {@code compose.yaml} with Debian's {@code docker-compose config}, which parses and resolves the file
 * without a Docker engine, then checks the cluster's durability settings in the resolved output.
 */
class ComposeFileIntegrationTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldBeAValidComposeFile() throws Exception {
        // when
        Result result = dockerCompose("config", "-q");

        // then
        assertThat(result.exitCode()).as("docker-compose config -q said: %s", result.output()).isZero();
    }

    @Test
    void shouldRunThreeKraftBrokersWithReplicationThreeAndMinIsrTwo() throws Exception {
        // when
        String resolved = dockerCompose("config").output();

        // then
        assertThat(resolved).contains("kafka-1:", "kafka-2:", "kafka-3:")
                .contains("KAFKA_PROCESS_ROLES: broker,controller")
                .contains("KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                .contains("KAFKA_DEFAULT_REPLICATION_FACTOR: '3'")
                .contains("KAFKA_MIN_INSYNC_REPLICAS: '2'")
                .contains("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '2'");
    }

    @Test
    void shouldRunTheEdgeFromOurImageAgainstAllBrokersAndBothStreamsInstances() throws Exception {
        // when
        List<String> services = dockerCompose("config", "--services").output().lines().toList();
        String resolved = dockerCompose("config").output();

        // then: the REST API and the registry on one port, entity reads from the streams' query endpoints
        assertThat(services).contains("edge").doesNotContain("registry");
        assertThat(resolved).contains("- edge").contains("kafka-1:9092,kafka-2:9092,kafka-3:9092")
                .contains("streams-1:7070,streams-2:7070")
                .contains("context: " + REPO);
    }

    @Test
    void shouldRunTwoStreamsInstancesSharingOneApplicationWithTheTokenKeyAsASecret() throws Exception {
        // when
        List<String> services = dockerCompose("config", "--services").output().lines().toList();
        String resolved = dockerCompose("config").output();

        // then
        assertThat(services).contains("streams-1", "streams-2");
        assertThat(resolved).contains("--instance-id", "streams-1", "streams-2")
                .contains("/run/secrets/token_key")
                .contains("http://edge:8080")
                .contains("--application-server", "streams-1:7070", "streams-2:7070");
    }

    @Test
    void shouldRunTwoBridgesThatTheEdgeHandsToClientsAndAdmitsAsBrowserOrigins() throws Exception {
        // when
        List<String> services = dockerCompose("config", "--services").output().lines().toList();
        String resolved = dockerCompose("config").output();

        // then: each bridge follows the cluster and the streams' query endpoints; the edge tells joining clients
        // where Livelink is and lets both bridges' viewer pages call the API
        assertThat(services).contains("bridge-1", "bridge-2");
        assertThat(resolved).contains("- bridge").contains("--bridge-id", "bridge-1", "bridge-2")
                .contains("--livelink-url", "ws://localhost:8082/livelink")
                .contains("--browser-origin", "http://localhost:8082,http://localhost:8083")
                .contains("published: 8082", "published: 8083");
    }

    @Test
    void shouldRunTwoRenderNodesThatBridgesReachByTheirHostNames() throws Exception {
        // when
        List<String> services = dockerCompose("config", "--services").output().lines().toList();
        String resolved = dockerCompose("config").output();

        // then: each node announces a distinct id and an address the bridges resolve, bootstraps renderers from
        // the streams' query endpoints and fetches assets from the edge
        assertThat(services).contains("render-node-1", "render-node-2");
        assertThat(resolved).contains("- render-node").contains("--node-id", "render-node-1", "render-node-2")
                .contains("--host", "--bind-host", "0.0.0.0", "--rest-url");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result dockerCompose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f",
                REPO.resolve("compose.yaml").toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).directory(REPO.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("docker-compose is not installed: run scripts/bootstrap.sh", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker-compose " + String.join(" ", args) + " did not finish in 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    @Test
    void shouldShipADockerfileThatBuildsTheLauncher() throws IOException {
        // the compose build context must produce the launcher jar the services run
        String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
        assertThat(dockerfile).contains("mvn -B -ntp -q -DskipTests package")
                .contains("app/target/scenelog.jar");
    }
}
