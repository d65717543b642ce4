package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.BridgeLimits;
import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.internal.feed.CatchUpFailedException;
import io.scenelog.bridge.internal.feed.EventEntry;
import io.scenelog.bridge.internal.feed.LogCatchUp;
import io.scenelog.bridge.internal.feed.SceneWindow;
import io.scenelog.bridge.internal.session.Membership;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Limits;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenFailure;
import io.scenelog.streams.auth.TokenVerification;
import io.scenelog.streams.auth.VerifiedToken;
import io.scenelog.streams.query.SessionSnapshot;
import io.scenelog.streams.query.StateNotQueryableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits or refuses a Hello and joins the connection to its scene's events (README "Livelink protocol": Hello first,
 * refusals, state and events, resume). Runs on a handshake thread: it may wait for the sessions view, the state
 * queries and the log.
 *
 * <p>Refusals, in order: UNSUPPORTED_PROTOCOL (no common version), UNAUTHORIZED or TOKEN_EXPIRED (the token),
 * FORBIDDEN (not scoped to a session, or another session than the URL names), UNKNOWN_SESSION (no live session, or
 * the client is not in it), UNAVAILABLE (the bridge cannot read the scene now).
 *
 * <p>Then the start: a fresh join starts at the version the scene's live stream has reached (the window's newest
 * event, or the state queries' version, read after the window opened, if that is newer); a resume from V starts at
 * V when V is not newer than the scene, from the window if it holds every event after V, else from the log; a
 * resume from a version the log no longer has or the scene never reached is answered RESET and starts like a fresh
 * join.
 */
final class HandshakeTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeTask.class);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUERY_WAIT = Duration.ofSeconds(3);
    private static final int RETRY_SOON_MILLIS = 1_000;
    private static final int MAX_DISPLAY_NAME = 64;

    private final Connection connection;
    private final Hello hello;
    private final Optional<String> sessionParameter;
    private final ConnectionServices services;

    HandshakeTask(Connection connection, Hello hello, Optional<String> sessionParameter,
            ConnectionServices services) {
        this.connection = connection;
        this.hello = hello;
        this.sessionParameter = sessionParameter;
        this.services = services;
    }

    @Override
    public void run() {
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.disconnect(DisconnectReason.SERVER_SHUTDOWN, "the bridge is stopping", RETRY_SOON_MILLIS);
        } catch (CatchUpFailedException e) {
            LOG.warn("Catching up a connection from the log failed: {}", e.getMessage());
            connection.disconnect(DisconnectReason.SERVER_SHUTDOWN, "the bridge could not read the missed events in"
                    + " time; reconnect and resume", RETRY_SOON_MILLIS);
        } catch (RuntimeException e) {
            LOG.error("The handshake of a Livelink connection failed.", e);
            connection.disconnect(DisconnectReason.SERVER_SHUTDOWN, "the bridge failed: " + e.getMessage(),
                    RETRY_SOON_MILLIS);
        }
    }

    private void join() throws InterruptedException {
        int agreed = Math.min(hello.getProtocolVersion(), LivelinkSchemas.PROTOCOL_VERSION);
        if (agreed < Math.max(hello.getMinProtocolVersion(), LivelinkSchemas.MIN_PROTOCOL_VERSION)) {
            connection.refuse(RefusalReason.UNSUPPORTED_PROTOCOL, "the client speaks versions "
                    + hello.getMinProtocolVersion() + " to " + hello.getProtocolVersion() + ", the bridge "
                    + LivelinkSchemas.MIN_PROTOCOL_VERSION + " to " + LivelinkSchemas.PROTOCOL_VERSION, null);
            return;
        }
        TokenVerification verification = services.verifier().verify(hello.getToken());
        if (verification instanceof TokenVerification.Invalid invalid) {
            boolean expired = invalid.failure() == TokenFailure.EXPIRED;
            connection.refuse(expired ? RefusalReason.TOKEN_EXPIRED : RefusalReason.UNAUTHORIZED,
                    "the token was refused (" + invalid.failure() + "): " + invalid.detail(), null);
            return;
        }
        VerifiedToken token = ((TokenVerification.Valid) verification).token();
        Optional<Identity> who = admit(token);
        if (who.isEmpty()) {
            return;
        }
        connection.admit(who.get());
        SceneWindow window = openWindow(who.get().sceneId());
        if (window == null) {
            return;
        }
        connection.holdWindow(window);
        Optional<Long> current = sceneVersion(who.get().sceneId());
        if (current.isEmpty()) {
            return;
        }
        List<Presence> present = connection.presentFrames(overlay(who.get()));
        if (!connection.register()) {
            return;
        }
        start(who.get(), agreed, window, current.get(), present);
        if (connection.ending()) {
            // Closed while joining: its clean-up may have run before it was registered with the window.
            window.detach(connection);
        }
    }

    /** The token's scope and the client's standing in the session; refuses and answers empty when they fail. */
    private Optional<Identity> admit(VerifiedToken token) throws InterruptedException {
        TokenClaims claims = token.claims();
        if (claims.scene().isEmpty() || claims.session().isEmpty()) {
            connection.refuse(RefusalReason.FORBIDDEN, "the token is not scoped to a session: join the session"
                    + " through REST (POST /sessions/{sessionId}/clients) for a client token", null);
            return Optional.empty();
        }
        UUID sessionId = claims.session().get();
        if (sessionParameter.isPresent() && !sessionParameter.get().equalsIgnoreCase(sessionId.toString())) {
            connection.refuse(RefusalReason.FORBIDDEN, "the URL names session " + sessionParameter.get()
                    + ", the token session " + sessionId, null);
            return Optional.empty();
        }
        Membership membership = services.sessions().awaitMembership(sessionId, claims.subject(),
                services.settings().joinWait());
        if (!membership.joined()) {
            connection.refuse(RefusalReason.UNKNOWN_SESSION, switch (membership.status()) {
                case UNKNOWN_SESSION -> "session " + sessionId + " does not exist";
                case ENDED -> "session " + sessionId + " has ended";
                default -> "client " + claims.subject() + " is not joined to session " + sessionId
                        + " (never joined, or removed)";
            }, null);
            return Optional.empty();
        }
        if (!membership.sceneId().equals(claims.scene().get())) {
            connection.refuse(RefusalReason.FORBIDDEN, "the token is for scene " + claims.scene().get()
                    + ", but session " + sessionId + " shows scene " + membership.sceneId(), null);
            return Optional.empty();
        }
        Role role = claims.role().ordinal() <= membership.role().ordinal() ? claims.role() : membership.role();
        String displayName = hello.getDisplayName().strip();
        if (displayName.length() > MAX_DISPLAY_NAME) {
            displayName = displayName.substring(0, MAX_DISPLAY_NAME);
        }
        return Optional.of(new Identity(membership.sceneId(), sessionId, claims.subject(), role, membership.role(),
                hello.getHeadless() || membership.headless(), membership.mode(), hello.getToken(), token.expiresAt(),
                displayName));
    }

    private SceneWindow openWindow(UUID sceneId) throws InterruptedException {
        CompletableFuture<SceneWindow> opening = services.feed().open(sceneId);
        try {
            return opening.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Opened too late for this connection: give the hold back, or the window would never close.
            opening.thenAccept(late -> late.release(connection));
            LOG.warn("Cannot follow scene {}: {}", sceneId, e.toString());
            connection.refuse(RefusalReason.UNAVAILABLE, "the bridge cannot read scene " + sceneId + " now",
                    RETRY_SOON_MILLIS);
            return null;
        }
    }

    /** The scene's version from the state queries, retried while they cannot answer; refuses when it fails. */
    private Optional<Long> sceneVersion(UUID sceneId) throws InterruptedException {
        long deadline = System.nanoTime() + QUERY_WAIT.toNanos();
        while (true) {
            try {
                Optional<Long> version = services.queries().sceneVersion(sceneId);
                if (version.isEmpty()) {
                    connection.refuse(RefusalReason.UNKNOWN_SESSION, "scene " + sceneId + " does not exist", null);
                }
                return version;
            } catch (StateNotQueryableException e) {
                if (System.nanoTime() - deadline > 0) {
                    connection.refuse(RefusalReason.UNAVAILABLE, "the scene's state cannot be queried now: "
                            + e.getMessage(), RETRY_SOON_MILLIS);
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
        }
    }

    /** The session's overlay, for the PRESENT frames; presence is best effort, so a failed query shows nobody. */
    private List<EntityState> overlay(Identity who) {
        try {
            return services.queries().session(who.sceneId(), who.sessionId()).map(SessionSnapshot::overlay)
                    .orElse(List.of());
        } catch (StateNotQueryableException e) {
            LOG.debug("No presence snapshot for session {}: {}", who.sessionId(), e.getMessage());
            return List.of();
        }
    }

    private void start(Identity who, int agreed, SceneWindow window, long queried, List<Presence> present) {
        Long resumeFrom = hello.getResumeFromVersion();
        long current = Math.max(window.lastVersion().orElse(-1), queried);
        if (resumeFrom == null) {
            startFresh(who, agreed, window, queried, present, ResumeOutcome.FRESH);
            return;
        }
        long from = resumeFrom;
        if (from < 0 || from > current) {
            startFresh(who, agreed, window, queried, present, ResumeOutcome.RESET);
            return;
        }
        byte[] welcome = welcome(who, agreed, from, ResumeOutcome.RESUMED);
        boolean fromWindow = window.attach(connection, from, from >= current,
                () -> connection.welcome(welcome, present, from));
        if (fromWindow) {
            opened(ResumeOutcome.RESUMED);
            return;
        }
        Optional<LogCatchUp.Cursor> cursor = services.catchUp().open(who.sceneId(), window.partition(), from,
                window.coverageStart());
        if (cursor.isEmpty()) {
            startFresh(who, agreed, window, queried, present, ResumeOutcome.RESET);
            return;
        }
        services.metrics().caughtUpFromLog();
        try (LogCatchUp.Cursor reading = cursor.get()) {
            connection.welcome(welcome, present, from);
            opened(ResumeOutcome.RESUMED);
            while (!connection.ending()) {
                for (EventEntry entry : reading.next()) {
                    connection.onEvent(entry);
                }
                if (window.attachAfterCatchUp(connection, reading.position())) {
                    return;
                }
            }
        }
    }

    private void startFresh(Identity who, int agreed, SceneWindow window, long queried, List<Presence> present,
            ResumeOutcome outcome) {
        window.attachFresh(connection, queried,
                start -> connection.welcome(welcome(who, agreed, start, outcome), present, start));
        opened(outcome);
    }

    private void opened(ResumeOutcome outcome) {
        services.metrics().welcomed(outcome);
        Identity who = connection.identity();
        LOG.info("Welcomed client {} ({}) of session {} in scene {} as {}: {} from version {}.", who.clientId(),
                hello.getClientSoftware().isEmpty() ? "unnamed software" : hello.getClientSoftware(),
                who.sessionId(), who.sceneId(), who.role(), outcome, connection.startVersion());
        connection.open();
    }

    private byte[] welcome(Identity who, int agreed, long startVersion, ResumeOutcome outcome) {
        BridgeSettings settings = services.settings();
        BridgeLimits limits = settings.limits();
        return services.codec().encode(Frame.of(Welcome.newBuilder()
                .setProtocolVersion(agreed)
                .setServerProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .setSceneId(who.sceneId())
                .setSessionId(who.sessionId())
                .setClientId(who.clientId())
                .setRole(who.role())
                .setSessionMode(who.mode())
                .setStartVersion(startVersion)
                .setResume(outcome)
                .setHeartbeatIntervalMillis((int) settings.heartbeatInterval().toMillis())
                .setHeartbeatTimeoutMillis((int) settings.heartbeatTimeout().toMillis())
                .setLimits(new Limits(limits.maxFrameBytes(), limits.actionsPerSecond(), limits.actionBurst(),
                        limits.framesPerSecond(), limits.outboundQueueFrames(), limits.outboundQueueBytes()))
                .setTokenExpiresAt(who.expiresAt())
                .setServerTime(services.clock().instant())
                .setBridgeId(settings.bridgeId())
                .build()));
    }
}
