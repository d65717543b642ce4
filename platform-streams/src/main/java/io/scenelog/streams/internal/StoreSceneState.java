package io.scenelog.streams.internal;

import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.scene.ClientSeq;
import io.scenelog.streams.scene.EntitySpace;
import io.scenelog.streams.scene.SceneState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One scene's state as the commit rules see it, read from the processor's stores. */
final class StoreSceneState implements SceneState {

    private final TaskStores stores;
    private final DedupLog dedup;
    private final UUID sceneId;
    private final StoreSpaces.Persisted persisted;

    StoreSceneState(TaskStores stores, DedupLog dedup, UUID sceneId) {
        this.stores = stores;
        this.dedup = dedup;
        this.sceneId = sceneId;
        this.persisted = new StoreSpaces.Persisted(stores.entities(), sceneId);
    }

    @Override
    public Optional<SceneRecord> scene() {
        return Optional.ofNullable(stores.scenes().get(sceneId.toString()));
    }

    @Override
    public Optional<SessionRecord> session(UUID sessionId) {
        return Optional.ofNullable(stores.sessions().get(sessionKey(sceneId, sessionId)));
    }

    @Override
    public List<SessionRecord> sessions() {
        return stores.sessions().scan(StateKeys.prefix(sceneId));
    }

    @Override
    public EntitySpace persisted() {
        return persisted;
    }

    @Override
    public EntitySpace overlay(UUID sessionId) {
        return new StoreSpaces.Overlay(stores.overlay(), sessionId, persisted);
    }

    @Override
    public Optional<ActionResult> outcomeOf(UUID actionId) {
        return dedup.byActionId(actionId);
    }

    @Override
    public Optional<ActionResult> outcomeOf(ClientSeq clientSeq) {
        return dedup.byClientSeq(clientSeq);
    }

    /** The sessions-store key of a session: under its scene, so a scene's sessions are one prefix scan. */
    static String sessionKey(UUID sceneId, UUID sessionId) {
        return StateKeys.prefix(sceneId) + sessionId;
    }
}
