package io.scenelog.streams.internal;

import static io.scenelog.streams.testing.Snapshots.overlay;
import static io.scenelog.streams.testing.Snapshots.persisted;
import static io.scenelog.streams.testing.Snapshots.scene;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.streams.query.SessionSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotCodec codec = new SnapshotCodec(new InMemorySchemaRegistryClient());
    private final UUID scene = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final UUID crate = UUID.randomUUID();
    private final UUID camera = UUID.randomUUID();

    @Test
    void shouldCarryASessionSnapshotAcrossTheWire() throws IOException {
        // given
        SessionSnapshot sent = new SessionSnapshot(scene(scene, 5, persisted(scene, crate)), session,
                List.of(overlay(scene, crate, session), overlay(scene, camera, session)));

        // when
        SessionSnapshot received = codec.session(codec.session(sent));

        // then
        assertThat(received).isEqualTo(sent);
        assertThat(received.version()).isEqualTo(5L);
    }

    @Test
    void shouldCarryASceneVersionAcrossTheWire() throws IOException {
        assertThat(codec.version(codec.version(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(codec.version(codec.version(0L))).isZero();
    }

    @Test
    void shouldRefuseAVersionThatIsNotAnIntegralNumber() {
        assertThatThrownBy(() -> codec.version(utf8("{\"version\": 1.5}"))).isInstanceOf(IOException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> codec.version(utf8("{}"))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseASessionBodyWithoutItsOverlay() throws IOException {
        // given
        ObjectNode body = sessionBody();
        body.remove("overlay");

        // then
        assertThatThrownBy(() -> codec.session(JSON.writeValueAsBytes(body))).isInstanceOf(IOException.class)
                .hasMessageContaining("overlay");
    }

    @Test
    void shouldRefuseASessionBodyWhoseSessionIdIsNotAUuid() throws IOException {
        // given
        ObjectNode body = sessionBody();
        body.put("sessionId", "not-a-uuid");

        // then
        assertThatThrownBy(() -> codec.session(JSON.writeValueAsBytes(body))).isInstanceOf(IOException.class)
                .hasMessageContaining("not-a-uuid");
    }

    @Test
    void shouldRefuseARecordThatIsNotBase64() throws IOException {
        // given
        ObjectNode body = sessionBody();
        body.putArray("overlay").add("%%% not base64 %%%");

        // then
        assertThatThrownBy(() -> codec.session(JSON.writeValueAsBytes(body))).isInstanceOf(IOException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void shouldRefuseAnOverlayOfAnotherSessionAsInconsistent() throws IOException {
        // given: a body naming one session and carrying another's overlay
        ObjectNode body = sessionBody();
        body.put("sessionId", UUID.randomUUID().toString());

        // then
        assertThatThrownBy(() -> codec.session(JSON.writeValueAsBytes(body))).isInstanceOf(IOException.class)
                .hasMessageContaining("inconsistent");
    }

    private ObjectNode sessionBody() throws IOException {
        SessionSnapshot snapshot = new SessionSnapshot(scene(scene, 2, persisted(scene, crate)), session,
                List.of(overlay(scene, camera, session)));
        return (ObjectNode) JSON.readTree(codec.session(snapshot));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
