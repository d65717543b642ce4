package io.scenelog.streams.placement;

import io.scenelog.streams.InvalidStreamsSettingsException;
import java.time.Duration;

/**
 * How session placement runs (DESIGN §6): how often requested sessions are retried and dead nodes looked for, when a
 * node counts as dead, and how long a session avoids the node that lost it.
 *
 * @param interval    how often the pipeline retries REQUESTED sessions and checks the nodes of placed ones
 * @param nodeTimeout a node whose last heartbeat ({@code NodeStatus.heartbeatAt}) is older than this is dead and its
 *                    sessions are placed again; a few heartbeat intervals plus a grace for clock skew
 * @param lostBackoff how long a session reported lost by a node is not placed on that node again while another node
 *                    has room
 */
public record PlacementSettings(Duration interval, Duration nodeTimeout, Duration lostBackoff) {

    /** Default for {@link #interval()}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    /** Default for {@link #nodeTimeout()}: three missed heartbeats of the default 1 s interval, plus a 2 s grace. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(5);
    /** Default for {@link #lostBackoff()}. */
    public static final Duration DEFAULT_LOST_BACKOFF = Duration.ofSeconds(30);

    /**
     * @throws InvalidStreamsSettingsException naming the setting and the fix
     */
    public PlacementSettings {
        requirePositive("placement.interval", interval);
        requirePositive("placement.nodeTimeout", nodeTimeout);
        requirePositive("placement.lostBackoff", lostBackoff);
        if (nodeTimeout.compareTo(interval) < 0) {
            throw new InvalidStreamsSettingsException("placement.nodeTimeout", nodeTimeout,
                    "use at least the placement interval (" + interval + "); a few heartbeat intervals");
        }
    }

    /** The production defaults. */
    public static PlacementSettings defaults() {
        return new PlacementSettings(DEFAULT_INTERVAL, DEFAULT_NODE_TIMEOUT, DEFAULT_LOST_BACKOFF);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidStreamsSettingsException(name, value, "use a positive duration such as PT1S");
        }
    }
}
