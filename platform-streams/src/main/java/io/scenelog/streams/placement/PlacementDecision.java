package io.scenelog.streams.placement;

import io.scenelog.streams.control.ControlEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * One session transition decided by placement: a session assigned to a node, or sent back to REQUESTED.
 *
 * @param sceneId the session's scene (where its record lives)
 * @param event   {@link ControlEvent.SessionAssigned} or {@link ControlEvent.SessionRequeued}
 */
public record PlacementDecision(UUID sceneId, ControlEvent.SessionEvent event) {

    public PlacementDecision {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(event, "event");
    }
}
