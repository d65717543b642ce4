package io.scenelog.streams.control;

import io.scenelog.model.ClientJoined;
import io.scenelog.model.ClientLeft;
import io.scenelog.model.CreateScene;
import io.scenelog.model.DeleteScene;
import io.scenelog.model.EndSession;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.RequestSession;
import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionLost;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionRunning;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.action.Authorization;
import io.scenelog.streams.action.Rejection;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.scene.SceneState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The pure {@code decide(state, command)} of scene and session commands, in this order: a known commandId is a
 * DUPLICATE; the token must be valid, the sender's, scoped to the scene (and session), with the admin role
 * (UNAUTHORIZED); then the command's own rules: CreateScene needs an unused scene id (ALREADY_EXISTS) and a name
 * (INVALID); every other command needs the scene to exist and not be deleted (UNKNOWN_SCENE); RequestSession needs an
 * unused session id (ALREADY_EXISTS); the other session commands need a session of this scene that has not ended
 * (UNKNOWN_SESSION), and ClientLeft a client that joined it (UNKNOWN_SESSION); SessionRunning and SessionLost come
 * from the node the session is assigned to, else they are a stale renderer's (UNKNOWN_SESSION).
 */
public final class ControlDecider {

    /** The longest scene name, node id, client id or reason accepted. */
    public static final int MAX_TEXT = 256;

    private final TokenVerifier verifier;

    public ControlDecider(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Decides one command against the state of its scene, at {@code now}. */
    public ControlOutcome decide(SceneState state, SceneControl command, Instant now) {
        Optional<ControlOutcome> duplicate =
                state.outcomeOf(command.getCommandId()).map(ControlOutcome.Duplicate::new);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        Object body = command.getCommand();
        Authorization.Result auth = Authorization.check(verifier, command.getToken(), command.getClientId(),
                command.getSceneId(), sessionOf(body));
        if (!auth.authorised()) {
            return new ControlOutcome.Rejected(auth.rejection());
        }
        if (auth.claims().role() != Role.ADMIN) {
            return rejected(ReasonCode.UNAUTHORIZED, "control commands need an admin token; '"
                    + command.getClientId() + "' is " + auth.claims().role());
        }
        UUID sceneId = command.getSceneId();
        if (body instanceof CreateScene create) {
            return createScene(state, sceneId, create, now);
        }
        if (state.scene().filter(s -> s.getStatus() == SceneStatus.ACTIVE).isEmpty()) {
            return rejected(ReasonCode.UNKNOWN_SCENE, "scene " + sceneId + " does not exist");
        }
        if (body instanceof DeleteScene) {
            return deleteScene(state, sceneId, now);
        }
        if (body instanceof RequestSession request) {
            if (state.session(request.getSessionId()).isPresent()) {
                return rejected(ReasonCode.ALREADY_EXISTS, "session " + request.getSessionId() + " exists");
            }
            return applied(new ControlEvent.SessionRequested(sceneId, request.getSessionId(), request.getMode(),
                    now));
        }
        return sessionCommand(state, body, now);
    }

    private static ControlOutcome createScene(SceneState state, UUID sceneId, CreateScene create, Instant now) {
        if (state.scene().isPresent()) {
            return rejected(ReasonCode.ALREADY_EXISTS, "scene " + sceneId + " exists or existed; ids are not reused");
        }
        if (!text(create.getName())) {
            return rejected(ReasonCode.INVALID, "CreateScene needs a name of 1 to " + MAX_TEXT + " characters");
        }
        return applied(new ControlEvent.SceneCreated(sceneId, create.getName(), create.getSettings(), now));
    }

    private static ControlOutcome deleteScene(SceneState state, UUID sceneId, Instant now) {
        List<ControlEvent> events = new ArrayList<>();
        events.add(new ControlEvent.SceneDeleted(sceneId, now));
        for (SessionRecord session : state.sessions()) {
            if (session.getStatus() != SessionStatus.ENDED) {
                events.add(new ControlEvent.SessionEnded(session.getSessionId(), "scene deleted", now));
            }
        }
        return new ControlOutcome.Applied(events);
    }

    private static ControlOutcome sessionCommand(SceneState state, Object body, Instant now) {
        UUID sessionId = sessionOf(body);
        if (sessionId == null) {
            return rejected(ReasonCode.INVALID, "unknown command type "
                    + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        Optional<SessionRecord> session = state.session(sessionId).filter(s -> s.getStatus() != SessionStatus.ENDED);
        if (session.isEmpty()) {
            return rejected(ReasonCode.UNKNOWN_SESSION, "session " + sessionId + " does not exist or ended");
        }
        if (body instanceof SessionRunning running) {
            if (!text(running.getNodeId())) {
                return rejected(ReasonCode.INVALID, "SessionRunning needs a node id");
            }
            Optional<ControlOutcome> stale = notHostedBy(session.get(), running.getNodeId());
            return stale.orElseGet(() -> applied(new ControlEvent.SessionStarted(sessionId, running.getNodeId(),
                    running.getFrameEndpoint(), now)));
        }
        if (body instanceof SessionLost lost) {
            if (!text(lost.getNodeId()) || !text(lost.getReason())) {
                return rejected(ReasonCode.INVALID, "SessionLost needs a node id and a reason");
            }
            Optional<ControlOutcome> stale = notHostedBy(session.get(), lost.getNodeId());
            return stale.orElseGet(() -> applied(new ControlEvent.SessionRequeued(sessionId, lost.getNodeId(),
                    lost.getReason(), now)));
        }
        if (body instanceof ClientJoined joined) {
            if (!text(joined.getClientId())) {
                return rejected(ReasonCode.INVALID, "ClientJoined needs a client id");
            }
            return applied(new ControlEvent.ClientJoinedSession(sessionId, joined.getClientId(), joined.getRole(),
                    joined.getHeadless(), now));
        }
        if (body instanceof ClientLeft left) {
            boolean joined = session.get().getClients().stream()
                    .anyMatch(c -> c.getClientId().equals(left.getClientId()));
            if (!joined) {
                return rejected(ReasonCode.UNKNOWN_SESSION,
                        "client '" + left.getClientId() + "' has not joined session " + sessionId);
            }
            return applied(new ControlEvent.ClientLeftSession(sessionId, left.getClientId(), now));
        }
        EndSession end = (EndSession) body;
        return applied(new ControlEvent.SessionEnded(sessionId, end.getReason(), now));
    }

    /**
     * A node speaks for a session only while the session is assigned to it: a renderer that was replaced (its node
     * missed heartbeats, or the session moved) must not take the session back.
     */
    private static Optional<ControlOutcome> notHostedBy(SessionRecord session, String nodeId) {
        boolean placed = session.getStatus() == SessionStatus.ASSIGNED || session.getStatus() == SessionStatus.RUNNING;
        if (placed && nodeId.equals(session.getNodeId())) {
            return Optional.empty();
        }
        return Optional.of(rejected(ReasonCode.UNKNOWN_SESSION, "session " + session.getSessionId()
                + " is not hosted by node '" + nodeId + "' (it is " + session.getStatus()
                + (session.getNodeId() == null ? "" : " on node '" + session.getNodeId() + "'") + ")"));
    }

    /** The session a command names, or null (CreateScene, DeleteScene). */
    public static UUID sessionOf(Object body) {
        if (body instanceof RequestSession c) {
            return c.getSessionId();
        }
        if (body instanceof SessionRunning c) {
            return c.getSessionId();
        }
        if (body instanceof ClientJoined c) {
            return c.getSessionId();
        }
        if (body instanceof ClientLeft c) {
            return c.getSessionId();
        }
        if (body instanceof EndSession c) {
            return c.getSessionId();
        }
        if (body instanceof SessionLost c) {
            return c.getSessionId();
        }
        return null;
    }

    private static boolean text(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_TEXT;
    }

    private static ControlOutcome applied(ControlEvent event) {
        return new ControlOutcome.Applied(List.of(event));
    }

    private static ControlOutcome rejected(ReasonCode reason, String message) {
        return new ControlOutcome.Rejected(new Rejection(reason, message));
    }
}
