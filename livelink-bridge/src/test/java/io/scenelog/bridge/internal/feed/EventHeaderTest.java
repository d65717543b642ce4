package io.scenelog.bridge.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.Emitter;
import io.scenelog.model.Role;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventHeaderTest {

    private static final FrameCodec CODEC = new FrameCodec();

    @Test
    void shouldReadTheRoutingFieldsOfAnEventFrame() {
        // given
        UUID scene = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant committed = Instant.ofEpochMilli(1_700_000_000_123L);
        byte[] frame = CODEC.encode(Frame.of(event(scene, 4242, "client-7", session, false, committed)));

        // when
        EventHeader header = EventHeader.read(frame, 1);

        // then
        assertThat(header).isEqualTo(new EventHeader(scene, 4242, "client-7", session, false, committed));
        assertThat(header.visibleTo(session)).isTrue();
        assertThat(header.visibleTo(UUID.randomUUID())).isFalse();
    }

    @Test
    void shouldReadAnEventWithoutASession() {
        // given
        byte[] frame = CODEC.encode(Frame.of(event(UUID.randomUUID(), 1, "simulation", null, true, Instant.EPOCH)));

        // when
        EventHeader header = EventHeader.read(frame, 1);

        // then
        assertThat(header.emitterSessionId()).isNull();
        assertThat(header.persisted()).isTrue();
        assertThat(header.visibleTo(UUID.randomUUID())).isTrue();
    }

    @Test
    void shouldRefuseTruncatedBytes() {
        // given
        byte[] frame = CODEC.encode(Frame.of(event(UUID.randomUUID(), 3, "c", UUID.randomUUID(), false,
                Instant.EPOCH)));

        // when, then
        assertThatThrownBy(() -> EventHeader.read(Arrays.copyOf(frame, 20), 1))
                .isInstanceOf(MalformedEventException.class);
    }

    static SceneEvent event(UUID scene, long version, String client, UUID session, boolean persisted,
            Instant committed) {
        return SceneEvent.newBuilder().setSceneId(scene).setVersion(version).setActionId(UUID.randomUUID())
                .setEmitter(new Emitter(client, Role.EDITOR, session)).setPersisted(persisted)
                .setCommittedAt(committed).setChanges(List.of()).build();
    }
}
