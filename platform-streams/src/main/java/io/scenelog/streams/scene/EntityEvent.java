package io.scenelog.streams.scene;

import io.scenelog.model.EntityChange;
import io.scenelog.model.EntityState;
import java.util.UUID;

/**
 * Something that happened to one entity, decided by a rule (past tense: EntityCreated, ComponentsUpdated, ...).
 * Each kind lives in its rule's package with the pure {@code evolve} that applies it.
 */
public interface EntityEvent {

    /** The entity the event happened to. */
    UUID entityId();

    /**
     * The entity after the event (pure).
     *
     * @param current the entity before, or null when it did not exist
     * @param stamp   the commit the event belongs to
     * @return the entity after, or null when the event deleted it
     */
    EntityState applyTo(EntityState current, Stamp stamp);

    /** The event as the commit log records it, with the entity's version after the event. */
    EntityChange toChange(long entityVersion);
}
