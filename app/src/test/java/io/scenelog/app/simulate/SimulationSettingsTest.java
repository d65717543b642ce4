package io.scenelog.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.streams.auth.TokenKey;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    private static SimulationSettings settings(int entities, double rateHz, Optional<Duration> duration,
            OptionalLong count) {
        return new SimulationSettings("127.0.0.1:9092", URI.create("http://127.0.0.1:8080"), UUID.randomUUID(),
                false, entities, rateHz, duration, count, Duration.ofSeconds(5), "sim-1",
                new TokenSource.Minted(TokenKey.generate()));
    }

    @Test
    void shouldSendOneUpdatePerEntityPerRoundForTheDuration() {
        // when
        SimulationSettings settings = settings(5, 20, Optional.of(Duration.ofSeconds(3)), OptionalLong.empty());

        // then
        assertThat(settings.totalUpdates()).isEqualTo(5 * 20 * 3);
    }

    @Test
    void shouldRefuseARunWithoutAnEndOrWithTwo() {
        // when / then
        assertThatThrownBy(() -> settings(5, 20, Optional.empty(), OptionalLong.empty()))
                .hasMessageContaining("Give exactly one of --duration").hasMessageContaining("--count");
        assertThatThrownBy(() -> settings(5, 20, Optional.of(Duration.ofSeconds(1)), OptionalLong.of(10)))
                .hasMessageContaining("Give exactly one of --duration");
    }

    @Test
    void shouldNameTheOptionOfAValueOutOfRange() {
        // when / then
        assertThatThrownBy(() -> settings(0, 20, Optional.empty(), OptionalLong.of(10)))
                .hasMessageContaining("--entities 0 is out of range");
        assertThatThrownBy(() -> settings(5, 0, Optional.empty(), OptionalLong.of(10)))
                .hasMessageContaining("--rate-hz 0.0 is out of range");
    }

    @Test
    void shouldReadTheSubjectOfAGivenTokenWithoutItsKey() {
        // given: {"sub":"sim-7","role":"editor"} as the claims
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaW0tNyIsInJvbGUiOiJlZGl0b3IifQ.c2ln";

        // when / then
        assertThat(new TokenSource.Given(token).subject()).contains("sim-7");
        assertThatThrownBy(() -> new TokenSource.Given("not-a-jwt").subject())
                .hasMessageContaining("--token is not a JWT");
    }

    @Test
    void shouldRefuseAnApiKeyWithoutTheLivelinkRoute() {
        // given
        TokenSource apiKey = new TokenSource.ApiKey(PlatformRest.at(URI.create("http://127.0.0.1:1")), "key-1");

        // when / then
        assertThatThrownBy(() -> new SimulationSettings("127.0.0.1:9092", URI.create("http://127.0.0.1:8080"),
                UUID.randomUUID(), false, 1, 1, Optional.empty(), OptionalLong.of(1), Duration.ofSeconds(5), "sim-1",
                apiKey, Optional.empty()))
                .hasMessageContaining("--api-key needs --via livelink");
    }

    @Test
    void shouldRefuseARestUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new LivelinkRoute(URI.create("ws://127.0.0.1:1/livelink"), Optional.empty()))
                .hasMessageContaining("--rest-url ws://127.0.0.1:1/livelink is not an http:// or https:// URL");
    }
}
