package io.scenelog.streams.scene;

import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the commit rules may know about one scene when they decide: the scene, its sessions, its persisted entities,
 * each session's overlay, and the outcomes of actions decided before (for duplicates). The Kafka processor backs it
 * with its state stores; tests back it with maps. Read-only: decisions never change it, the processor applies
 * their events.
 */
public interface SceneState {

    /** The scene, in any status, if it was ever created. */
    Optional<SceneRecord> scene();

    /** A session of this scene, in any status. */
    Optional<SessionRecord> session(UUID sessionId);

    /** Every session of this scene, in any status. */
    List<SessionRecord> sessions();

    /** The scene's persisted entities. */
    EntitySpace persisted();

    /** A session's view: its overlay entities over the persisted ones. */
    EntitySpace overlay(UUID sessionId);

    /** The first outcome of the action or command with this id, if it was decided within the dedup horizon. */
    Optional<ActionResult> outcomeOf(UUID actionId);

    /** The first outcome of the action with this client sequence number, within the dedup horizon. */
    Optional<ActionResult> outcomeOf(ClientSeq clientSeq);
}
