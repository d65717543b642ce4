package io.scenelog.streams.placement;

import io.scenelog.model.NodeState;
import io.scenelog.model.NodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a session goes (pure): the live UP node with the most free capacity, ties by node id, so sessions spread
 * instead of piling up on the first node. A node's load is the union of the sessions its last heartbeat shows and
 * the sessions placed on it that the heartbeat does not show yet (placed since, or still starting).
 */
public final class PlacementPolicy {

    private PlacementPolicy() {
    }

    /**
     * Chooses a node for one session.
     *
     * @param nodes   the last heartbeat of every node
     * @param placed  per node id, the sessions known to be placed on it (ASSIGNED or RUNNING)
     * @param avoid   nodes the session should not go to while another has room (it was lost there lately)
     * @param now     the placement time
     * @param timeout a heartbeat older than this means the node is dead
     * @return the chosen node id, or empty when no live UP node has room (the session stays REQUESTED)
     */
    public static Optional<String> choose(Collection<NodeStatus> nodes, Map<String, Set<UUID>> placed,
            Set<String> avoid, Instant now, Duration timeout) {
        Comparator<NodeStatus> byFreeThenId = Comparator.<NodeStatus>comparingInt(n -> -free(n, placed))
                .thenComparing(NodeStatus::getNodeId);
        Optional<NodeStatus> preferred = nodes.stream()
                .filter(n -> takesSessions(n, placed, now, timeout) && !avoid.contains(n.getNodeId()))
                .min(byFreeThenId);
        if (preferred.isPresent()) {
            return preferred.map(NodeStatus::getNodeId);
        }
        return nodes.stream().filter(n -> takesSessions(n, placed, now, timeout)).min(byFreeThenId)
                .map(NodeStatus::getNodeId);
    }

    /** How many more sessions the node can take: capacity minus its load (never below zero). */
    public static int free(NodeStatus node, Map<String, Set<UUID>> placed) {
        Set<String> load = new HashSet<>();
        node.getSessions().forEach(s -> load.add(s.toString()));
        placed.getOrDefault(node.getNodeId(), Set.of()).forEach(s -> load.add(s.toString()));
        return Math.max(0, node.getCapacity() - load.size());
    }

    /**
     * Why a node can no longer host its sessions, or empty while it can: unknown, DOWN, or silent for longer than the
     * timeout. A DRAINING node keeps its sessions.
     *
     * @param node the node's last heartbeat, or null when it never sent one (or was removed)
     */
    public static Optional<String> deadReason(String nodeId, NodeStatus node, Instant now, Duration timeout) {
        if (node == null) {
            return Optional.of("node '" + nodeId + "' is unknown (no heartbeat)");
        }
        if (node.getStatus() == NodeState.DOWN) {
            return Optional.of("node '" + nodeId + "' is DOWN");
        }
        Duration silence = Duration.between(node.getHeartbeatAt(), now);
        if (silence.compareTo(timeout) > 0) {
            return Optional.of("node '" + nodeId + "' missed its heartbeats (last one " + silence.toMillis()
                    + " ms ago, timeout " + timeout.toMillis() + " ms)");
        }
        return Optional.empty();
    }

    private static boolean takesSessions(NodeStatus node, Map<String, Set<UUID>> placed, Instant now,
            Duration timeout) {
        return node.getStatus() == NodeState.UP
                && deadReason(node.getNodeId(), node, now, timeout).isEmpty()
                && free(node, placed) > 0;
    }
}
