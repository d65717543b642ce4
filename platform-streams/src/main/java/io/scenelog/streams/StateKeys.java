package io.scenelog.streams;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * The keys of the state topics and where their records live. {@code scene-state} is keyed
 * {@code sceneId/entityId}, {@code session-state} {@code sessionId/entityId}; both are written to the partition of
 * their scene ({@link #partitionOf}), which is the partition of the scene's actions and events, so a reader that
 * follows one partition of {@code scene-events} bootstraps from the same partition of the state topics.
 */
public final class StateKeys {

    /** Separates the owner (scene or session) from the entity in a state key. */
    public static final char SEPARATOR = '/';

    private StateKeys() {
    }

    /** The {@code scene-state} key of a persisted entity. */
    public static String sceneEntity(UUID sceneId, UUID entityId) {
        return join(sceneId, entityId);
    }

    /** The {@code session-state} key of an overlay entity. */
    public static String sessionEntity(UUID sessionId, UUID entityId) {
        return join(sessionId, entityId);
    }

    /** The prefix of every state key of a scene (in {@code scene-state}) or a session (in {@code session-state}). */
    public static String prefix(UUID ownerId) {
        return ownerId.toString() + SEPARATOR;
    }

    /**
     * Reads a state key.
     *
     * @throws IllegalArgumentException when the key is not two UUIDs joined by '/'
     */
    public static EntityKey parse(String key) {
        Objects.requireNonNull(key, "key");
        int slash = key.indexOf(SEPARATOR);
        if (slash < 0 || key.indexOf(SEPARATOR, slash + 1) >= 0) {
            throw new IllegalArgumentException("A state key is ownerId/entityId, got '" + key + "'");
        }
        try {
            return new EntityKey(UUID.fromString(key.substring(0, slash)), UUID.fromString(key.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A state key is two UUIDs joined by '/', got '" + key + "'", e);
        }
    }

    /**
     * The partition of a scene's records in every scene-keyed topic: the partition Kafka's default partitioner
     * picks for the key {@code sceneId.toString()} (murmur2 of its UTF-8 bytes), as writers of
     * {@code scene-actions} use it.
     */
    public static int partitionOf(UUID sceneId, int partitions) {
        return partitionOf(sceneId.toString(), partitions);
    }

    /** {@link #partitionOf(UUID, int)} for a scene id already in text. */
    public static int partitionOf(String sceneId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic has at least one partition, got " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(sceneId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String join(UUID owner, UUID entity) {
        return owner.toString() + SEPARATOR + entity;
    }

    /**
     * A parsed state key.
     *
     * @param ownerId  the scene (scene-state) or session (session-state)
     * @param entityId the entity
     */
    public record EntityKey(UUID ownerId, UUID entityId) {
    }
}
