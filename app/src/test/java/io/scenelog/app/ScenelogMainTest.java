package io.scenelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScenelogMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = ScenelogMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldListEveryRoleInHelp() {
        // when
        int exitCode = run("--help");

        // then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("up", "streams", "registry", "topics", "simulate", "tail", "bench");
    }

    @Test
    void shouldRejectUnknownOptionWithUsageExitCode() {
        // when
        int exitCode = run("up", "--no-such-option");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void shouldRejectANonNumericPort() {
        // when
        int exitCode = run("up", "--kafka-port", "ninety");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port").contains("ninety");
    }

    @Test
    void shouldRefuseToTailFromAVersionWithoutAScene() {
        // when
        int exitCode = run("tail", "--from-version", "3");

        // then: validated before any client starts
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--from-version needs --scene");
    }

    @Test
    void shouldRefuseTwoStartPositionsForTail() {
        // when
        int exitCode = run("tail", "--from-beginning", "--from-version", "3");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void shouldListTheSimulationsPathsForAnUnknownOne() {
        // when
        int exitCode = run("simulate", "--scene", "0f8fad5b-d9cb-469f-a165-70867728950e", "--count", "1",
                "--token", "a.b.c", "--via", "carrier-pigeon");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--via").contains("KAFKA").contains("LIVELINK");
    }

    @Test
    void shouldFailUpWithAClearMessageWhenPortsCollide() {
        // when
        int exitCode = run("up", "--kafka-port", "9100", "--controller-port", "9100");

        // then: validated before anything starts
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--kafka-port and --controller-port are both 9100");
    }
}
