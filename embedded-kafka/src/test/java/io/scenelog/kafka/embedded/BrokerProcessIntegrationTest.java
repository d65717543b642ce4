package io.scenelog.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scenelog.kafka.embedded.internal.DataDirectoryLock;
import io.scenelog.kafka.embedded.internal.ReadyFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerProcessIntegrationTest {

    @TempDir
    Path directory;

    /** Child JVM flags that favour start-up time over peak throughput, for tests on small machines. */
    static BrokerProcessOptions fastOptions() {
        return BrokerProcessOptions.defaults()
                .withMaxHeap("256m")
                .withJvmOption("-XX:TieredStopAtLevel=1")
                .withJvmOption("-XX:+UseSerialGC");
    }

    @Test
    void shouldStartABrokerProcessThatClientsCanReach() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(BrokerSettings.defaults(directory), fastOptions())) {
            // when
            String clusterId;
            try (Admin admin = Admin.create(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            }

            // then
            assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(broker.isAlive()).isTrue();
            assertThat(clusterId).isEqualTo(broker.clusterId());
        }
    }

    @Test
    void shouldShutDownCleanlyOnSigterm() throws Exception {
        // given
        BrokerProcess broker = BrokerProcess.start(BrokerSettings.defaults(directory), fastOptions());

        // when
        BrokerProcess.StopOutcome outcome = broker.stop();

        // then
        assertThat(outcome.clean()).as("outcome %s", outcome).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(BrokerProcess.StopOutcome.SIGTERM_EXIT_CODE);
        assertThat(broker.isAlive()).isFalse();
        assertThat(ReadyFile.read(directory)).isEmpty();
        assertThat(Files.readString(broker.logFile())).contains("stopped cleanly");
    }

    @Test
    void shouldKeepTopicsAndRecordsAcrossAProcessRestart() throws Exception {
        // given
        BrokerSettings settings = BrokerSettings.defaults(directory);
        try (BrokerProcess first = BrokerProcess.start(settings, fastOptions())) {
            KafkaClients.createTopic(first.bootstrapServers(), "durable");
            KafkaClients.produce(first.bootstrapServers(), "durable", List.of("one", "two", "three"));
        }

        // when
        try (BrokerProcess second = BrokerProcess.start(settings, fastOptions())) {

            // then
            assertThat(KafkaClients.consume(second.bootstrapServers(), "durable", 3))
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void shouldFailWithTheChildsReasonWhenTheDataDirectoryIsInUse() {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(directory)) {
            assertThatThrownBy(() -> BrokerProcess.start(BrokerSettings.defaults(directory), fastOptions()))
                    .isInstanceOf(BrokerProcessStartException.class)
                    .hasMessageContaining("exited with status 1 before it was ready")
                    .hasMessageContaining("Data directory " + directory + " is already used by another "
                            + "Scenelog broker (process pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void shouldStopTheBrokerWhenItsParentProcessDies() throws Exception {
        // given
        Process parent = new ProcessBuilder(
                BrokerProcessOptions.defaults().javaExecutable().toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), BrokerProcessParent.class.getName(),
                directory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            ProcessHandle broker = ProcessHandle.of(brokerPidPrintedBy(parent)).orElseThrow();

            // when
            parent.destroyForcibly();

            // then
            await().atMost(Duration.ofSeconds(60)).until(() -> !broker.isAlive());
            assertThat(ReadyFile.read(directory)).isEmpty();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long brokerPidPrintedBy(Process parent) throws Exception {
        BufferedReader output = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        Optional<String> line;
        do {
            line = Optional.ofNullable(output.readLine());
        } while (line.isPresent() && !line.get().startsWith("BROKER-PID "));
        return Long.parseLong(line.orElseThrow(() -> new AssertionError("The parent exited without a broker"))
                .substring("BROKER-PID ".length()));
    }
}
