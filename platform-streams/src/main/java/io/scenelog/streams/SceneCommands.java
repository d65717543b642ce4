package io.scenelog.streams;

import io.scenelog.model.ClientJoined;
import io.scenelog.model.ClientLeft;
import io.scenelog.model.CreateScene;
import io.scenelog.model.DeleteScene;
import io.scenelog.model.EndSession;
import io.scenelog.model.RequestSession;
import io.scenelog.model.Role;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionLost;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRunning;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds {@link SceneControl} commands for one sending principal (the REST edge, the launcher, a bridge, a render
 * node) holding an admin token: a fresh commandId and the issue time on each. Producing them is the caller's: send
 * each to {@code Topics.SCENE_CONTROL} keyed by {@code sceneId.toString()} with the catalogue's serdes, and read the
 * outcome from {@code action-results} (actionId = commandId). Thread-safe.
 */
public final class SceneCommands {

    private final String clientId;
    private final String adminToken;
    private final Clock clock;

    /**
     * @param clientId   the sender, the subject of the token
     * @param adminToken a token with the admin role, scoped to no scene or to the scenes it will manage
     * @param clock      the source of issuedAt
     */
    public SceneCommands(String clientId, String adminToken, Clock clock) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a scene with a name and settings. */
    public SceneControl createScene(UUID sceneId, String name, Map<String, String> settings) {
        return command(sceneId, new CreateScene(name, Map.copyOf(settings)));
    }

    /** Deletes a scene, its entities and its sessions. */
    public SceneControl deleteScene(UUID sceneId) {
        return command(sceneId, new DeleteScene());
    }

    /** Requests a session of a scene. */
    public SceneControl requestSession(UUID sceneId, UUID sessionId, SessionMode mode) {
        return command(sceneId, new RequestSession(sessionId, mode));
    }

    /** Reports that a render node serves the session. */
    public SceneControl sessionRunning(UUID sceneId, UUID sessionId, String nodeId, String frameEndpoint) {
        return command(sceneId, new SessionRunning(sessionId, nodeId, frameEndpoint));
    }

    /** Reports that a render node lost the session's renderer; the session is placed again. */
    public SceneControl sessionLost(UUID sceneId, UUID sessionId, String nodeId, String reason) {
        return command(sceneId, new SessionLost(sessionId, nodeId, reason));
    }

    /** Adds (or re-adds) a client to a session with a role. */
    public SceneControl clientJoined(UUID sceneId, UUID sessionId, String joiningClientId, Role role,
            boolean headless) {
        return command(sceneId, new ClientJoined(sessionId, joiningClientId, role, headless));
    }

    /** Removes a client from a session; its cameras leave the overlay. */
    public SceneControl clientLeft(UUID sceneId, UUID sessionId, String leavingClientId) {
        return command(sceneId, new ClientLeft(sessionId, leavingClientId));
    }

    /** Ends a session; its overlay is dropped. */
    public SceneControl endSession(UUID sceneId, UUID sessionId, String reason) {
        return command(sceneId, new EndSession(sessionId, reason));
    }

    private SceneControl command(UUID sceneId, Object body) {
        return SceneControl.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setClientId(clientId)
                .setToken(adminToken)
                .setIssuedAt(clock.instant())
                .setCommand(body)
                .build();
    }
}
