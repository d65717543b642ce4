package io.scenelog.streams.placement;

import java.time.Instant;
import java.util.Objects;

/**
 * A node a session should not return to before a time (the node lost it lately), unless no other node has room.
 *
 * @param nodeId the node to avoid
 * @param until  when the avoidance lapses
 */
public record Avoidance(String nodeId, Instant until) {

    public Avoidance {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(until, "until");
    }

    /** Whether it still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return now.isBefore(until);
    }
}
