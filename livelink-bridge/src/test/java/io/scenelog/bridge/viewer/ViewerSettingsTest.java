package io.scenelog.bridge.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewerSettingsTest {

    @Test
    void shouldGiveTheOriginsOfBothUrls() {
        // when
        ViewerSettings settings = ViewerSettings.of("https://Edge.Example.com/api", "wss://scenes.example.com/livelink");

        // then
        assertThat(settings.restOrigin()).isEqualTo("https://edge.example.com");
        assertThat(settings.livelinkOrigin()).isEqualTo("wss://scenes.example.com");
    }

    @Test
    void shouldKeepExplicitPortsAndBracketIpv6Hosts() {
        // when
        ViewerSettings settings = ViewerSettings.of("http://[::1]:8080", "ws://127.0.0.1:8082/livelink");

        // then
        assertThat(settings.restOrigin()).isEqualTo("http://[::1]:8080");
        assertThat(settings.livelinkOrigin()).isEqualTo("ws://127.0.0.1:8082");
    }

    @Test
    void shouldRefuseAWebSocketUrlForTheRestApi() {
        assertThatThrownBy(() -> ViewerSettings.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8082/livelink"))
                .isInstanceOf(InvalidViewerSettingsException.class)
                .hasMessageContaining("viewer.restBaseUrl").hasMessageContaining("http or https");
    }

    @Test
    void shouldRefuseAnHttpUrlForLivelink() {
        assertThatThrownBy(() -> ViewerSettings.of("http://127.0.0.1:8080", "http://127.0.0.1:8082/livelink"))
                .isInstanceOf(InvalidViewerSettingsException.class)
                .hasMessageContaining("viewer.livelinkUrl").hasMessageContaining("ws or wss");
    }

    @Test
    void shouldRefuseARelativeUrl() {
        assertThatThrownBy(() -> ViewerSettings.of("/api", "ws://127.0.0.1:8082/livelink"))
                .isInstanceOf(InvalidViewerSettingsException.class).hasMessageContaining("viewer.restBaseUrl");
    }

    @Test
    void shouldRefuseCredentialsOrAQueryInAUrl() {
        assertThatThrownBy(() -> ViewerSettings.of("http://user:secret@127.0.0.1:8080", "ws://127.0.0.1:1/livelink"))
                .isInstanceOf(InvalidViewerSettingsException.class).hasMessageContaining("user info");
        assertThatThrownBy(() -> ViewerSettings.of("http://127.0.0.1:8080", "ws://127.0.0.1:1/livelink?token=x"))
                .isInstanceOf(InvalidViewerSettingsException.class).hasMessageContaining("query");
    }

    @Test
    void shouldRefuseTextThatIsNoUrl() {
        assertThatThrownBy(() -> ViewerSettings.of("http://127.0.0.1:8080/a b", "ws://127.0.0.1:1/livelink"))
                .isInstanceOf(InvalidViewerSettingsException.class).hasMessageContaining("not a URL");
    }
}
