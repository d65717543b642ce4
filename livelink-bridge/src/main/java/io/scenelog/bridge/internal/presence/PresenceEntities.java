package io.scenelog.bridge.internal.presence;

import io.scenelog.model.Camera;
import io.scenelog.model.Components;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.Quat;
import io.scenelog.model.SceneAction;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's presence in its session is a session-scoped entity the bridge creates for it at the Welcome and deletes
 * when it disconnects, with transient actions signed with the client's token: every bridge of the session sees them
 * on the commit log and turns them into presence frames. Its id is derived from session and client, so a reconnect
 * finds the same entity. It carries a camera owned by the client (headless clients too, though their presence frames
 * show none), so the pipeline also removes it when the client leaves the session.
 */
public final class PresenceEntities {

    /** The tag every presence entity carries. */
    public static final String TAG = "scenelog:presence";
    /** The prefix of the tag naming the entity's client. */
    public static final String CLIENT_TAG_PREFIX = "scenelog:client:";
    /** The field of view of a new client's camera, in degrees. */
    public static final float DEFAULT_FOV_DEGREES = 60f;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PresenceEntities() {
    }

    /** The presence entity of a client in a session. */
    public static UUID entityId(UUID sessionId, String clientId) {
        return UUID.nameUUIDFromBytes(("scenelog-presence:" + sessionId + ":" + clientId)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The client a presence entity stands for, if these are a presence entity's components. */
    public static Optional<String> clientOf(Components components) {
        List<String> tags = components == null ? null : components.getTags();
        if (tags == null || !tags.contains(TAG)) {
            return Optional.empty();
        }
        return tags.stream().filter(tag -> tag.startsWith(CLIENT_TAG_PREFIX))
                .map(tag -> tag.substring(CLIENT_TAG_PREFIX.length())).findFirst();
    }

    /** The transform of a new client's camera: a few metres back and up, looking at the origin. */
    public static Transform defaultTransform() {
        // Pitched down about 20 degrees about +x: (sin(-10deg), 0, 0, cos(-10deg)).
        return new Transform(new Vec3(0.0, 2.0, 6.0), new Quat(-0.17364817766693033, 0.0, 0.0, 0.984807753012208),
                new Vec3(1.0, 1.0, 1.0));
    }

    /**
     * The transient action that creates a client's presence entity.
     *
     * @param name the name shown for the client (its display name, else its id)
     */
    public static SceneAction create(Identity who, String token, String name, boolean headless, Instant now) {
        Components components = Components.newBuilder()
                .setName(name)
                .setTags(List.of(TAG, CLIENT_TAG_PREFIX + who.clientId()))
                .setCamera(new Camera(DEFAULT_FOV_DEGREES, 0.1f, 1000f, who.clientId()))
                .setTransform(headless ? null : defaultTransform())
                .build();
        return action(who, token, new CreateEntity(entityId(who.sessionId(), who.clientId()), components), now);
    }

    /** The transient action that deletes a client's presence entity. */
    public static SceneAction delete(Identity who, String token, Instant now) {
        return action(who, token, new DeleteEntity(entityId(who.sessionId(), who.clientId()), null), now);
    }

    private static SceneAction action(Identity who, String token, Object operation, Instant now) {
        return SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(who.sceneId())
                .setSessionId(who.sessionId())
                .setClientId(who.clientId())
                .setToken(token)
                // Negative: clients number their own actions from 0 up, and a shared number would be a DUPLICATE.
                .setClientSeq(-1 - (RANDOM.nextLong() & Long.MAX_VALUE >>> 1))
                .setSentAt(now)
                .setPersist(false)
                .setOperations(List.of(operation))
                .build();
    }

    /**
     * Whose presence an action concerns.
     *
     * @param sceneId   the scene
     * @param sessionId the session
     * @param clientId  the client
     */
    public record Identity(UUID sceneId, UUID sessionId, String clientId) {
    }
}
