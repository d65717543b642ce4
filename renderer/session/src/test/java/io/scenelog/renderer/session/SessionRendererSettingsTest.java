package io.scenelog.renderer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRendererSettingsTest {

    @TempDir
    Path directory;

    private Path keyFile;
    private TokenKey key;

    @BeforeEach
    void writeKey() throws IOException {
        key = TokenKey.generate();
        keyFile = Files.writeString(directory.resolve("token.key"), key.toBase64() + "\n");
    }

    private List<String> required() {
        return new ArrayList<>(List.of("--session-id=" + UUID.randomUUID(), "--scene-id=" + UUID.randomUUID(),
                "--bootstrap-servers=127.0.0.1:9092", "--schema-registry-url=http://127.0.0.1:8081",
                "--streams-query=127.0.0.1:7070", "--token-key-file=" + keyFile,
                "--cache-directory=" + directory.resolve("cache"), "--asset-base-url=http://127.0.0.1:8080"));
    }

    private static SessionRendererSettings parse(List<String> arguments) {
        return SessionRendererSettings.fromArguments(arguments.toArray(String[]::new));
    }

    @Test
    void shouldTakeDefaultsForEverySettingLeftOut() {
        // when
        SessionRendererSettings settings = parse(required());

        // then
        assertThat(settings.framePort()).isZero();
        assertThat(settings.bindHost()).isEqualTo("127.0.0.1");
        assertThat(settings.defaultFps()).isEqualTo(30);
        assertThat(settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.streamsQueryEndpoints()).containsExactly("127.0.0.1:7070");
    }

    @Test
    void shouldReadBackWhatItWrites() {
        // given
        List<String> arguments = required();
        arguments.addAll(List.of("--frame-port=40123", "--max-clients=3", "--hello-timeout=750ms",
                "--idle-timeout=0s", "--kafka.security.protocol=SSL", "--streams-query=a:1,b:2"));
        arguments.removeIf(a -> a.startsWith("--streams-query=127"));
        SessionRendererSettings settings = parse(arguments);

        // when
        SessionRendererSettings again = parse(settings.toArguments());

        // then
        assertThat(again).isEqualTo(settings);
        assertThat(again.kafkaOverrides()).isEqualTo(Map.of("security.protocol", "SSL"));
        assertThat(again.helloTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(again.streamsQueryEndpoints()).containsExactly("a:1", "b:2");
    }

    @Test
    void shouldNeverPutTheTokenKeyOnTheCommandLine() {
        // when
        List<String> arguments = parse(required()).toArguments();

        // then
        assertThat(String.join(" ", arguments)).doesNotContain(key.toBase64());
        assertThat(parse(required()).readTokenKey()).isEqualTo(key);
    }

    @Test
    void shouldNameAMissingRequiredSetting() {
        // given
        List<String> arguments = required();
        arguments.removeIf(a -> a.startsWith("--scene-id="));

        // then
        assertThatThrownBy(() -> parse(arguments)).isInstanceOf(InvalidSessionRendererSettingsException.class)
                .hasMessageContaining("--scene-id").hasMessageContaining("required");
    }

    @Test
    void shouldNameAnUnknownSettingAndListTheKnownOnes() {
        // given
        List<String> arguments = required();
        arguments.add("--frame-prot=1");

        // then
        assertThatThrownBy(() -> parse(arguments)).isInstanceOf(InvalidSessionRendererSettingsException.class)
                .hasMessageContaining("--frame-prot").hasMessageContaining("frame-port");
    }

    @Test
    void shouldRefuseAPortOutOfRangeWithTheFix() {
        // given
        List<String> arguments = required();
        arguments.add("--frame-port=70000");

        // then
        assertThatThrownBy(() -> parse(arguments)).isInstanceOf(InvalidSessionRendererSettingsException.class)
                .hasMessage("Invalid renderer setting --frame-port=70000: use 0 for a free port or 1-65535");
    }

    @Test
    void shouldRefuseADurationWithoutUnit() {
        // given
        List<String> arguments = required();
        arguments.add("--heartbeat-interval=5");

        // then
        assertThatThrownBy(() -> parse(arguments)).hasMessageContaining("--heartbeat-interval=5")
                .hasMessageContaining("500ms");
    }

    @Test
    void shouldRefuseAHeartbeatTimeoutShorterThanTwoIntervals() {
        // given
        List<String> arguments = required();
        arguments.addAll(List.of("--heartbeat-interval=5s", "--heartbeat-timeout=6s"));

        // then
        assertThatThrownBy(() -> parse(arguments)).hasMessageContaining("--heartbeat-timeout=6s")
                .hasMessageContaining("from 10s");
    }

    @Test
    void shouldRefuseAMissingTokenKeyFile() {
        // given
        List<String> arguments = required();
        arguments.removeIf(a -> a.startsWith("--token-key-file="));
        arguments.add("--token-key-file=" + directory.resolve("absent.key"));

        // then
        assertThatThrownBy(() -> parse(arguments)).hasMessageContaining("--token-key-file")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRefuseATokenKeyFileWithoutAKey() throws IOException {
        // given
        Files.writeString(keyFile, "not base64 at all!");
        SessionRendererSettings settings = parse(required());

        // then
        assertThatThrownBy(settings::readTokenKey).isInstanceOf(InvalidSessionRendererSettingsException.class)
                .hasMessageContaining("--token-key-file");
    }

    @Test
    void shouldRefuseAnArgumentWithoutValue() {
        // given
        List<String> arguments = required();
        arguments.add("--frame-port");

        // then
        assertThatThrownBy(() -> parse(arguments)).hasMessageContaining("--name=value");
    }

    @Test
    void shouldWriteTheFrameEndpointWithTheAdvertisedHost() {
        // given
        SessionRendererSettings settings = parse(required()).with("advertised-host", "render-1.example");

        // then
        assertThat(settings.frameEndpoint(40123)).isEqualTo("tcp://render-1.example:40123");
    }
}
