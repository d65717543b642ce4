package io.scenelog.app.bench;

import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SceneStatus;
import io.scenelog.model.SessionRecord;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.SceneState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One scene's state in plain maps, for the bare loop of the benchmark: what platform-streams keeps in RocksDB
 * stores with changelogs, without either. The scene exists from the start; there are no sessions.
 */
final class MapSceneState implements SceneState {

    private final SceneRecord scene;
    private final Map<UUID, EntityState> entities = new HashMap<>();
    private final Map<UUID, ActionResult> byAction = new HashMap<>();
    private final Map<ClientSeq, ActionResult> bySeq = new HashMap<>();
    private final EntitySpace space = new EntitySpace() {

        @Override
        public Optional<EntityState> entity(UUID entityId) {
            return Optional.ofNullable(entities.get(entityId));
        }

        @Override
        public List<EntityState> children(UUID entityId) {
            return entities.values().stream()
                    .filter(e -> entityId.equals(e.getComponents().getParent())).toList();
        }

        @Override
        public boolean shadowsPersisted(UUID entityId) {
            return false;
        }
    };

    MapSceneState(UUID sceneId) {
        Instant now = Instant.now();
        this.scene = SceneRecord.newBuilder().setSceneId(sceneId).setName("bench").setSettings(Map.of())
                .setStatus(SceneStatus.ACTIVE).setVersion(0).setEntityCount(0).setCreatedAt(now).setUpdatedAt(now)
                .build();
    }

    @Override
    public Optional<SceneRecord> scene() {
        return Optional.of(scene);
    }

    @Override
    public Optional<SessionRecord> session(UUID sessionId) {
        return Optional.empty();
    }

    @Override
    public List<SessionRecord> sessions() {
        return List.of();
    }

    @Override
    public EntitySpace persisted() {
        return space;
    }

    @Override
    public EntitySpace overlay(UUID sessionId) {
        return space;
    }

    @Override
    public Optional<ActionResult> outcomeOf(UUID actionId) {
        return Optional.ofNullable(byAction.get(actionId));
    }

    @Override
    public Optional<ActionResult> outcomeOf(ClientSeq clientSeq) {
        return Optional.ofNullable(bySeq.get(clientSeq));
    }

    /** Applies a committed action's entity writes (null = deleted) at its scene version. */
    void commit(long version, Map<UUID, EntityState> writes) {
        writes.forEach((id, state) -> {
            if (state == null) {
                entities.remove(id);
            } else {
                entities.put(id, state);
            }
        });
        scene.setVersion(version);
        scene.setEntityCount(entities.size());
    }

    /** Remembers an action's first outcome, for duplicates. */
    void remember(ClientSeq clientSeq, ActionResult result) {
        byAction.putIfAbsent(result.getActionId(), result);
        bySeq.putIfAbsent(clientSeq, result);
    }
}
