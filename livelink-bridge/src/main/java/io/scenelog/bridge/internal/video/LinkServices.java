package io.scenelog.bridge.internal.video;

import io.scenelog.bridge.VideoLimits;
import io.scenelog.livelink.Hello;
import io.scenelog.model.Role;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the sessions' links share: the codec, the token issuer, the bridge's name, the limits, the threads.
 *
 * @param codec      frames both ways
 * @param issuer     mints the bridge's service tokens
 * @param bridgeId   this bridge, the tokens' subject {@code bridge:<bridgeId>}
 * @param limits     reconnect waits
 * @param timers     reconnect timers
 * @param connectors open links (blocking connects and handshakes)
 * @param clock      the tokens' and heartbeats' clock
 */
record LinkServices(FrameCodec codec, TokenIssuer issuer, String bridgeId, VideoLimits limits,
        ScheduledExecutorService timers, ExecutorService connectors, Clock clock) {

    /** How long a link's token is good for: the renderer checks it at the Hello only. */
    private static final Duration TOKEN_TTL = Duration.ofHours(1);

    /** The Hello that opens a link to a session's renderer: an admin service token scoped to the session. */
    byte[] hello(UUID sceneId, UUID sessionId) {
        String token = issuer.issue(TokenClaims.of("bridge:" + bridgeId, Role.ADMIN).forScene(sceneId)
                .forSession(sessionId), TOKEN_TTL);
        return codec.encode(Frame.of(Hello.newBuilder().setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .setMinProtocolVersion(LivelinkSchemas.MIN_PROTOCOL_VERSION).setToken(token).setHeadless(false)
                .setVideoCodecs(List.of()).setResumeFromVersion(null).setDisplayName("bridge " + bridgeId)
                .setClientSoftware("scenelog-bridge").build()));
    }

    /** How long to wait before the next attempt after {@code failures} failed ones. */
    Duration backOff(int failures) {
        Duration wait = limits.reconnectMin();
        for (int i = 0; i < failures && wait.compareTo(limits.reconnectMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(limits.reconnectMax()) > 0 ? limits.reconnectMax() : wait;
    }
}
