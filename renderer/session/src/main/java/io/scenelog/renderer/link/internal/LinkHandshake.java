package io.scenelog.renderer.link.internal;

import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Limits;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import io.scenelog.renderer.link.RenderLinkSettings;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenFailure;
import io.scenelog.streams.auth.TokenVerification;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.auth.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides a bridge's Hello: a Welcome when its token verifies with the platform key as an admin (service) token good
 * for this session, a Refusal that says why otherwise.
 */
final class LinkHandshake {

    private final RenderLinkSettings settings;
    private final TokenVerifier verifier;
    private final Clock clock;

    LinkHandshake(RenderLinkSettings settings, TokenVerifier verifier, Clock clock) {
        this.settings = settings;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The answer to a Hello: a {@link Welcome} or a {@link Refusal}. */
    SpecificRecord answer(Hello hello, long sceneVersion) {
        if (hello.getProtocolVersion() < LivelinkSchemas.MIN_PROTOCOL_VERSION
                || hello.getMinProtocolVersion() > LivelinkSchemas.PROTOCOL_VERSION) {
            return refusal(RefusalReason.UNSUPPORTED_PROTOCOL, "this renderer speaks Livelink versions "
                    + LivelinkSchemas.MIN_PROTOCOL_VERSION + " to " + LivelinkSchemas.PROTOCOL_VERSION
                    + ", the bridge " + hello.getMinProtocolVersion() + " to " + hello.getProtocolVersion());
        }
        TokenVerification verification = verifier.verify(hello.getToken());
        if (verification instanceof TokenVerification.Invalid invalid) {
            RefusalReason reason = invalid.failure() == TokenFailure.EXPIRED ? RefusalReason.TOKEN_EXPIRED
                    : RefusalReason.UNAUTHORIZED;
            return refusal(reason, "the bridge's token was refused: " + invalid.detail());
        }
        VerifiedToken token = ((TokenVerification.Valid) verification).token();
        TokenClaims claims = token.claims();
        if (claims.role() != Role.ADMIN || !claims.allowsSession(settings.sessionId())
                || !claims.allowsScene(settings.sceneId())) {
            return refusal(RefusalReason.FORBIDDEN, "a bridge needs an admin service token for session "
                    + settings.sessionId() + " or for every session; " + claims.subject() + " has role "
                    + claims.role() + claims.session().map(s -> " for session " + s).orElse(""));
        }
        return welcome(hello, claims.subject(), token, sceneVersion);
    }

    /** A refusal for a bridge that sent no Hello in time. */
    Refusal helloTimeout(Duration timeout) {
        return refusal(RefusalReason.HELLO_TIMEOUT, "no Hello within " + timeout.toMillis() + " ms");
    }

    /** A refusal for a first message that is no Hello. */
    Refusal protocolError(String message) {
        return refusal(RefusalReason.PROTOCOL_ERROR, message);
    }

    private Welcome welcome(Hello hello, String subject, VerifiedToken token, long sceneVersion) {
        int heartbeatTimeout = (int) Math.min(Integer.MAX_VALUE, settings.heartbeatTimeout().toMillis());
        return Welcome.newBuilder()
                .setProtocolVersion(Math.min(hello.getProtocolVersion(), LivelinkSchemas.PROTOCOL_VERSION))
                .setServerProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .setSceneId(settings.sceneId())
                .setSessionId(settings.sessionId())
                .setClientId(subject)
                .setRole(Role.ADMIN)
                // the link is not a client of the session: its mode is the clients' business, told by the bridge
                .setSessionMode(SessionMode.TRANSIENT)
                .setStartVersion(sceneVersion)
                .setResume(ResumeOutcome.FRESH)
                .setHeartbeatIntervalMillis((int) settings.heartbeatInterval().toMillis())
                .setHeartbeatTimeoutMillis(heartbeatTimeout)
                .setLimits(Limits.newBuilder()
                        .setMaxFrameBytes(settings.maxMessageBytes())
                        .setActionsPerSecond(0)
                        .setActionBurst(0)
                        .setFramesPerSecond(0)
                        .setOutboundQueueFrames(settings.sendQueueFrames())
                        .setOutboundQueueBytes(settings.sendQueueBytes())
                        .build())
                .setTokenExpiresAt(token.expiresAt())
                .setServerTime(clock.instant())
                .setBridgeId(settings.rendererId())
                .build();
    }

    private static Refusal refusal(RefusalReason reason, String message) {
        return Refusal.newBuilder()
                .setReason(reason)
                .setMessage(message)
                .setMinProtocolVersion(LivelinkSchemas.MIN_PROTOCOL_VERSION)
                .setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .build();
    }
}
