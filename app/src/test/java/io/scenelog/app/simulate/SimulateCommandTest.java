package io.scenelog.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of {@code simulate}, parsed and validated as the launcher does, without running anything. */
class SimulateCommandTest {

    /** Claims {"sub":"sim-7","role":"editor"}. */
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaW0tNyIsInJvbGUiOiJlZGl0b3IifQ.c2ln";
    private static final UUID SCENE = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final UUID SESSION = UUID.fromString("9b2c3d4e-5f60-4a71-8b92-a3b4c5d6e7f8");

    @Test
    void shouldWriteStraightToKafkaByDefault() {
        // when
        SimulationSettings settings = settings("--token", TOKEN);

        // then
        assertThat(settings.livelink()).isEmpty();
        assertThat(settings.tokens()).isEqualTo(new TokenSource.Given(TOKEN));
        assertThat(settings.clientId()).isEqualTo("sim-7");
    }

    @Test
    void shouldGoThroughTheEdgeAndTheBridgeWithViaLivelink() {
        // when
        SimulationSettings settings = settings("--token", TOKEN, "--via", "livelink",
                "--rest-url", "http://edge.example:8080", "--session", SESSION.toString());

        // then
        assertThat(settings.livelink()).contains(new LivelinkRoute(URI.create("http://edge.example:8080"),
                Optional.of(SESSION)));
        assertThat(settings.sceneId()).isEqualTo(SCENE);
    }

    @Test
    void shouldFindOrStartASessionWhenNoneIsGiven() {
        // when
        SimulationSettings settings = settings("--token", TOKEN, "--via", "LIVELINK");

        // then
        assertThat(settings.livelink()).map(LivelinkRoute::session).contains(Optional.empty());
        assertThat(settings.livelink()).map(LivelinkRoute::restUrl).isPresent();
    }

    @Test
    void shouldExchangeAnApiKeyAtTheEdgeWithViaLivelink() {
        // when
        SimulationSettings settings = settings("--api-key", "key-1", "--via", "livelink",
                "--rest-url", "http://127.0.0.1:9999");

        // then
        assertThat(settings.tokens()).isInstanceOf(TokenSource.ApiKey.class);
        assertThat(((TokenSource.ApiKey) settings.tokens()).key()).isEqualTo("key-1");
        assertThat(settings.tokens().toString()).doesNotContain("key-1");
        assertThat(settings.clientId()).startsWith("sim-");
    }

    @Test
    void shouldRefuseAnApiKeyStraightToKafka() {
        assertThatThrownBy(() -> settings("--api-key", "key-1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--api-key needs --via livelink");
    }

    @Test
    void shouldRefuseASessionStraightToKafka() {
        assertThatThrownBy(() -> settings("--token", TOKEN, "--session", SESSION.toString()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--session needs --via livelink");
    }

    @Test
    void shouldNameTheRestUrlThatIsNotHttp() {
        assertThatThrownBy(() -> settings("--token", TOKEN, "--via", "livelink", "--rest-url", "ws://127.0.0.1:1"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--rest-url ws://127.0.0.1:1 is not an http:// or https:// URL");
        assertThatThrownBy(() -> settings("--token", TOKEN, "--via", "livelink", "--rest-url", "http://bad host"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--rest-url http://bad host is not a URL");
    }

    @Test
    void shouldListThePathsForAnUnknownOne() {
        assertThatThrownBy(() -> settings("--token", TOKEN, "--via", "carrier-pigeon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("KAFKA").hasMessageContaining("LIVELINK");
    }

    @Test
    void shouldTakeOnlyOneSourceOfTokens() {
        assertThatThrownBy(() -> settings("--token", TOKEN, "--api-key", "key-1", "--via", "livelink"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("mutually exclusive");
    }

    private static SimulationSettings settings(String... options) {
        List<String> args = new ArrayList<>(List.of("--scene", SCENE.toString(), "--count", "10"));
        args.addAll(List.of(options));
        CommandLine commandLine = new CommandLine(new SimulateCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.parseArgs(args.toArray(String[]::new));
        SimulateCommand command = commandLine.getCommand();
        return command.settings();
    }
}
