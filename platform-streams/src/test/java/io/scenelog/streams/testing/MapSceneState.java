package io.scenelog.streams.testing;

import io.scenelog.model.ActionResult;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.Role;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionClient;
import io.scenelog.model.SessionMode;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.SceneState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A scene's state in plain maps, for the pure rules' tests; setters return this for readable givens. */
public final class MapSceneState implements SceneState {

    private final UUID sceneId;
    private SceneRecord scene;
    private final Map<UUID, SessionRecord> sessions = new LinkedHashMap<>();
    private final Map<UUID, EntityState> persisted = new LinkedHashMap<>();
    private final Map<UUID, Map<UUID, EntityState>> overlays = new HashMap<>();
    private final Map<UUID, ActionResult> byActionId = new HashMap<>();
    private final Map<ClientSeq, ActionResult> byClientSeq = new HashMap<>();

    public MapSceneState(UUID sceneId) {
        this.sceneId = sceneId;
    }

    /** An active scene at a version. */
    public MapSceneState withScene(long version) {
        scene = SceneRecord.newBuilder().setSceneId(sceneId).setName("scene").setStatus(SceneStatus.ACTIVE)
                .setVersion(version).setEntityCount(persisted.size()).setCreatedAt(Fixtures.T0)
                .setUpdatedAt(Fixtures.T0).build();
        return this;
    }

    /** The scene, deleted. */
    public MapSceneState withDeletedScene() {
        withScene(0);
        scene.setStatus(SceneStatus.DELETED);
        return this;
    }

    /** A session with clients joined with roles (clientId, role, clientId, role, ...). */
    public MapSceneState withSession(UUID sessionId, SessionMode mode, SessionStatus status, Object... clients) {
        List<SessionClient> joined = new ArrayList<>();
        for (int i = 0; i < clients.length; i += 2) {
            joined.add(new SessionClient((String) clients[i], (Role) clients[i + 1], false, Fixtures.T0));
        }
        sessions.put(sessionId, SessionRecord.newBuilder().setSessionId(sessionId).setSceneId(sceneId)
                .setMode(mode).setStatus(status).setClients(joined).setCreatedAt(Fixtures.T0)
                .setUpdatedAt(Fixtures.T0).build());
        return this;
    }

    /** A session placed on a render node (ASSIGNED or RUNNING there), without clients. */
    public MapSceneState withSessionOn(UUID sessionId, SessionStatus status, String nodeId) {
        withSession(sessionId, SessionMode.PERSISTENT, status);
        sessions.put(sessionId, SessionRecord.newBuilder(sessions.get(sessionId)).setNodeId(nodeId).build());
        return this;
    }

    /** A persisted entity at a version. */
    public MapSceneState withEntity(UUID entityId, Components components, long version) {
        persisted.put(entityId, state(entityId, null, components, version));
        return this;
    }

    /** An overlay entity of a session at a version. */
    public MapSceneState withOverlayEntity(UUID sessionId, UUID entityId, Components components, long version) {
        overlays.computeIfAbsent(sessionId, id -> new LinkedHashMap<>())
                .put(entityId, state(entityId, sessionId, components, version));
        return this;
    }

    /** An outcome decided before. */
    public MapSceneState withOutcome(ActionResult result) {
        byActionId.put(result.getActionId(), result);
        byClientSeq.put(new ClientSeq(result.getSceneId(), result.getSessionId(), result.getClientId(),
                result.getClientSeq()), result);
        return this;
    }

    private EntityState state(UUID entityId, UUID sessionId, Components components, long version) {
        return EntityState.newBuilder().setSceneId(sceneId).setEntityId(entityId).setSessionId(sessionId)
                .setVersion(version).setSceneVersion(1L).setComponents(components).setUpdatedAt(Fixtures.T0)
                .build();
    }

    @Override
    public Optional<SceneRecord> scene() {
        return Optional.ofNullable(scene);
    }

    @Override
    public Optional<SessionRecord> session(UUID sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<SessionRecord> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public EntitySpace persisted() {
        return new Space(persisted, Map.of(), false);
    }

    @Override
    public EntitySpace overlay(UUID sessionId) {
        return new Space(overlays.getOrDefault(sessionId, Map.of()), persisted, true);
    }

    @Override
    public Optional<ActionResult> outcomeOf(UUID actionId) {
        return Optional.ofNullable(byActionId.get(actionId));
    }

    @Override
    public Optional<ActionResult> outcomeOf(ClientSeq clientSeq) {
        return Optional.ofNullable(byClientSeq.get(clientSeq));
    }

    /** Own entities over base entities; in an overlay the base ones are persisted and cannot be deleted. */
    private record Space(Map<UUID, EntityState> own, Map<UUID, EntityState> base, boolean overlay)
            implements EntitySpace {

        @Override
        public Optional<EntityState> entity(UUID entityId) {
            return Optional.ofNullable(own.containsKey(entityId) ? own.get(entityId) : base.get(entityId));
        }

        @Override
        public List<EntityState> children(UUID entityId) {
            Map<UUID, EntityState> all = new LinkedHashMap<>(base);
            all.putAll(own);
            return all.values().stream().filter(e -> entityId.equals(e.getComponents().getParent())).toList();
        }

        @Override
        public boolean shadowsPersisted(UUID entityId) {
            return overlay && base.containsKey(entityId);
        }
    }
}
