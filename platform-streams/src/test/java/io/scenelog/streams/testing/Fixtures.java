package io.scenelog.streams.testing;

import io.scenelog.model.Camera;
import io.scenelog.model.ClientJoined;
import io.scenelog.model.ClientLeft;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.CreateScene;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.DeleteScene;
import io.scenelog.model.EndSession;
import io.scenelog.model.MeshRef;
import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.model.Quat;
import io.scenelog.model.RequestSession;
import io.scenelog.model.Reparent;
import io.scenelog.model.Role;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SessionLost;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRunning;
import io.scenelog.model.Transform;
import io.scenelog.model.UpdateComponents;
import io.scenelog.model.Vec3;
import io.scenelog.schemas.ScenelogSchemas;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens, actions and commands for tests: one key, one fixed time, readable builders. */
public final class Fixtures {

    /** The time tests start at (TopologyTestDriver's wall clock, the token issuer's clock). */
    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** The key every test token is signed with. */
    public static final TokenKey KEY = TokenKey.generate();
    /** How long test tokens live. */
    public static final Duration TOKEN_TTL = Duration.ofHours(1);
    /** The admin principal that sends control commands (the REST edge, in production). */
    public static final String ADMIN = "rest-edge";

    private static final TokenIssuer ISSUER = new TokenIssuer(KEY, Clock.fixed(T0, ZoneOffset.UTC));

    static {
        // Builders that copy generated records need Avro to trust our classes (schemas/README.md).
        ScenelogSchemas.trustGeneratedClasses();
    }

    private Fixtures() {
    }

    /** A token for the client with the role, for every scene and session. */
    public static String token(String clientId, Role role) {
        return ISSUER.issue(TokenClaims.of(clientId, role), TOKEN_TTL);
    }

    /** A token minted with explicit claims. */
    public static String token(TokenClaims claims) {
        return ISSUER.issue(claims, TOKEN_TTL);
    }

    /** The admin's control command. */
    public static SceneControl control(UUID sceneId, Object command) {
        return SceneControl.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setClientId(ADMIN)
                .setToken(token(ADMIN, Role.ADMIN))
                .setIssuedAt(T0)
                .setCommand(command)
                .build();
    }

    /**
     * The same command with a token valid now, for pipelines on the real clock (integration tests).
     */
    public static SceneControl live(SceneControl command) {
        return SceneControl.newBuilder(command).setToken(liveToken(ADMIN, Role.ADMIN)).build();
    }

    /** The same action with a token valid now, for pipelines on the real clock (integration tests). */
    public static SceneAction live(SceneAction action, Role role) {
        return SceneAction.newBuilder(action).setToken(liveToken(action.getClientId(), role)).build();
    }

    /** A token valid now (the real clock), for integration tests. */
    public static String liveToken(String clientId, Role role) {
        return new TokenIssuer(KEY, Clock.systemUTC()).issue(TokenClaims.of(clientId, role), TOKEN_TTL);
    }

    public static SceneControl createScene(UUID sceneId) {
        return control(sceneId, new CreateScene("scene " + sceneId, Map.of()));
    }

    public static SceneControl deleteScene(UUID sceneId) {
        return control(sceneId, new DeleteScene());
    }

    public static SceneControl requestSession(UUID sceneId, UUID sessionId, SessionMode mode) {
        return control(sceneId, new RequestSession(sessionId, mode));
    }

    public static SceneControl sessionRunning(UUID sceneId, UUID sessionId) {
        return control(sceneId, new SessionRunning(sessionId, "node-1", "tcp://127.0.0.1:7001"));
    }

    /** An UP node's heartbeat at a time, hosting the given sessions. */
    public static NodeStatus node(String nodeId, int capacity, Instant at, UUID... sessions) {
        return NodeStatus.newBuilder().setNodeId(nodeId).setStatus(NodeState.UP).setCapacity(capacity)
                .setSessions(List.of(sessions)).setCpuLoad(0.1).setDevice("llvmpipe (CPU)").setHost(nodeId)
                .setHeartbeatAt(at).build();
    }

    public static SceneControl sessionRunning(UUID sceneId, UUID sessionId, String nodeId, String endpoint) {
        return control(sceneId, new SessionRunning(sessionId, nodeId, endpoint));
    }

    public static SceneControl sessionLost(UUID sceneId, UUID sessionId, String nodeId) {
        return control(sceneId, new SessionLost(sessionId, nodeId, "renderer exited with status 137"));
    }

    public static SceneControl join(UUID sceneId, UUID sessionId, String clientId, Role role) {
        return control(sceneId, new ClientJoined(sessionId, clientId, role, false));
    }

    public static SceneControl leave(UUID sceneId, UUID sessionId, String clientId) {
        return control(sceneId, new ClientLeft(sessionId, clientId));
    }

    public static SceneControl endSession(UUID sceneId, UUID sessionId) {
        return control(sceneId, new EndSession(sessionId, "ended by an admin"));
    }

    /** An action without a session, persisted, by a client with a matching token of the given role. */
    public static SceneAction.Builder action(UUID sceneId, String clientId, Role role, Object... operations) {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(sceneId)
                .setSessionId(null)
                .setClientId(clientId)
                .setToken(token(clientId, role))
                .setClientSeq(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                .setSentAt(T0)
                .setPersist(true)
                .setOperations(List.of(operations));
    }

    /** An entity with a name, a transform and a cube. */
    public static Components cube(String name) {
        return Components.newBuilder()
                .setName(name)
                .setTransform(transform(0, 0, 0))
                .setMesh(new MeshRef(null, PrimitiveShape.CUBE))
                .build();
    }

    /** A client's own camera. */
    public static Components cameraOf(String clientId) {
        return Components.newBuilder()
                .setName("camera of " + clientId)
                .setTransform(transform(0, 1.7, 5))
                .setCamera(new Camera(60f, 0.1f, 1000f, clientId))
                .build();
    }

    public static Transform transform(double x, double y, double z) {
        return new Transform(new Vec3(x, y, z), new Quat(0.0, 0.0, 0.0, 1.0), new Vec3(1.0, 1.0, 1.0));
    }

    public static CreateEntity create(UUID entityId, Components components) {
        return new CreateEntity(entityId, components);
    }

    public static CreateEntity createChild(UUID entityId, UUID parent) {
        Components components = cube("child");
        components.setParent(parent);
        return new CreateEntity(entityId, components);
    }

    public static UpdateComponents move(UUID entityId, double x, Long expectedVersion) {
        return new UpdateComponents(entityId, Components.newBuilder().setTransform(transform(x, 0, 0)).build(),
                expectedVersion);
    }

    public static DeleteEntity delete(UUID entityId) {
        return new DeleteEntity(entityId, null);
    }

    public static Reparent reparent(UUID entityId, UUID newParent) {
        return new Reparent(entityId, newParent, null);
    }
}
