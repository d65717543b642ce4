package io.scenelog.streams.internal;

import io.scenelog.model.EntityState;
import io.scenelog.streams.StateKeys;
import io.scenelog.streams.scene.EntitySpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Entity spaces over the state stores: a scene's persisted entities, and a session's overlay over them. */
final class StoreSpaces {

    private StoreSpaces() {
    }

    /** A scene's persisted entities. */
    record Persisted(RecordStore<EntityState> store, UUID sceneId) implements EntitySpace {

        @Override
        public Optional<EntityState> entity(UUID entityId) {
            return Optional.ofNullable(store.get(StateKeys.sceneEntity(sceneId, entityId)));
        }

        @Override
        public List<EntityState> children(UUID entityId) {
            // A scan per call: children are asked for by deletes and overlay views, not by the hot update path.
            return store.scan(StateKeys.prefix(sceneId)).stream()
                    .filter(e -> entityId.equals(e.getComponents().getParent())).toList();
        }

        @Override
        public boolean shadowsPersisted(UUID entityId) {
            return false;
        }
    }

    /** A session's overlay entities, each replacing the persisted entity of the same id within the session. */
    record Overlay(RecordStore<EntityState> store, UUID sessionId, Persisted persisted) implements EntitySpace {

        @Override
        public Optional<EntityState> entity(UUID entityId) {
            EntityState own = store.get(StateKeys.sessionEntity(sessionId, entityId));
            return own != null ? Optional.of(own) : persisted.entity(entityId);
        }

        @Override
        public List<EntityState> children(UUID entityId) {
            List<EntityState> children = new ArrayList<>();
            Set<UUID> shadowed = new HashSet<>();
            for (EntityState own : store.scan(StateKeys.prefix(sessionId))) {
                shadowed.add(own.getEntityId());
                if (entityId.equals(own.getComponents().getParent())) {
                    children.add(own);
                }
            }
            for (EntityState child : persisted.children(entityId)) {
                if (!shadowed.contains(child.getEntityId())) {
                    children.add(child);
                }
            }
            return children;
        }

        @Override
        public boolean shadowsPersisted(UUID entityId) {
            return persisted.entity(entityId).isPresent();
        }
    }
}
