package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.testkit.SharedKafka;
import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TopicsCommandIntegrationTest {

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ScenelogMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void shouldPrintTheCatalogueAndCreateThenVerifyTopics() {
        // given
        String bootstrap = SharedKafka.bootstrapServers();

        // when
        int created = run("topics", "--bootstrap-servers", bootstrap, "--replication-factor", "1", "--create");
        int verified = run("topics", "--bootstrap-servers", bootstrap, "--replication-factor", "1");

        // then
        assertThat(created).isZero();
        assertThat(verified).isZero();
        assertThat(out.toString())
                .contains("scene-events", "forever", "SceneEvent (Avro, Confluent wire format)")
                .contains("scene-state", "compact", "sceneId/entityId")
                .contains("Topics on " + bootstrap);
        assertThat(out.toString().lines().filter(l -> l.contains("VERIFIED")).count())
                .isGreaterThanOrEqualTo(Topics.all().size());
    }

    @Test
    void shouldExitNonZeroWhenKafkaIsUnreachable() {
        // when: nothing listens on port 1
        int exitCode = run("topics", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "2");

        // then
        assertThat(exitCode).isEqualTo(1);
    }
}
