package io.scenelog.renderer.scene;

/** Where a {@link SceneReplica} stands. */
public enum ReplicaStatus {
    /** Not bootstrapped yet: the snapshot is empty. */
    STARTING,
    /** Bootstrapped and following the commit log. */
    FOLLOWING,
    /** The scene was deleted (or never existed): the replica stopped following. */
    SCENE_DELETED,
    /** The session ended: the replica stopped following. */
    SESSION_ENDED,
    /** Following stopped on an error (logged); the snapshot is the last good state. */
    FAILED;

    /** Whether the replica stopped for good. */
    public boolean isFinal() {
        return this == SCENE_DELETED || this == SESSION_ENDED || this == FAILED;
    }
}
