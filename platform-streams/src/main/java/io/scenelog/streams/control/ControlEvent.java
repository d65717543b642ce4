package io.scenelog.streams.control;

import io.scenelog.model.Role;
import io.scenelog.model.SessionMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a scene or one of its sessions, decided from a control command (past tense). Each
 * event changes the scene record or one session record; {@link ControlEvolution} applies it.
 */
public interface ControlEvent {

    /** When platform-streams decided it. */
    Instant at();

    /**
     * The scene was created.
     *
     * @param sceneId  the scene
     * @param name     its display name
     * @param settings its settings
     * @param at       when
     */
    record SceneCreated(UUID sceneId, String name, Map<String, String> settings, Instant at) implements ControlEvent {
        public SceneCreated {
            settings = Map.copyOf(settings);
        }
    }

    /**
     * The scene was deleted; its entities go with it.
     *
     * @param sceneId the scene
     * @param at      when
     */
    record SceneDeleted(UUID sceneId, Instant at) implements ControlEvent {
    }

    /** An event about one session. */
    interface SessionEvent extends ControlEvent {
        /** The session. */
        UUID sessionId();
    }

    /**
     * A session was requested.
     *
     * @param sceneId   its scene
     * @param sessionId the session
     * @param mode      transient or persistent
     * @param at        when
     */
    record SessionRequested(UUID sceneId, UUID sessionId, SessionMode mode, Instant at) implements SessionEvent {
    }

    /**
     * A render node started serving the session.
     *
     * @param sessionId     the session
     * @param nodeId        the node
     * @param frameEndpoint the renderer's frame endpoint, or null
     * @param at            when
     */
    record SessionStarted(UUID sessionId, String nodeId, String frameEndpoint, Instant at) implements SessionEvent {
    }

    /**
     * Placement chose a render node for the session; the node starts a renderer and then reports it running.
     *
     * @param sessionId the session
     * @param nodeId    the chosen node
     * @param at        when
     */
    record SessionAssigned(UUID sessionId, String nodeId, Instant at) implements SessionEvent {
    }

    /**
     * The session lost its renderer (the node reported it lost, stopped, or missed its heartbeats) and waits for a
     * node again; it did not end.
     *
     * @param sessionId the session
     * @param nodeId    the node it was on
     * @param reason    what happened, in words
     * @param at        when
     */
    record SessionRequeued(UUID sessionId, String nodeId, String reason, Instant at) implements SessionEvent {
    }

    /**
     * A client joined the session (again, after a reconnect, replacing its entry).
     *
     * @param sessionId the session
     * @param clientId  the client
     * @param role      its role in the session
     * @param headless  whether it receives no video
     * @param at        when
     */
    record ClientJoinedSession(UUID sessionId, String clientId, Role role, boolean headless, Instant at)
            implements SessionEvent {
    }

    /**
     * A client left the session; its cameras leave the overlay.
     *
     * @param sessionId the session
     * @param clientId  the client
     * @param at        when
     */
    record ClientLeftSession(UUID sessionId, String clientId, Instant at) implements SessionEvent {
    }

    /**
     * The session ended for good; its overlay is dropped.
     *
     * @param sessionId the session
     * @param reason    why, in words
     * @param at        when
     */
    record SessionEnded(UUID sessionId, String reason, Instant at) implements SessionEvent {
    }
}
