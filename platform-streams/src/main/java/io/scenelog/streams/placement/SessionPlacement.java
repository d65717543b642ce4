package io.scenelog.streams.placement;

import io.scenelog.model.NodeStatus;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.streams.control.ControlEvent;
import io.scenelog.streams.control.ControlEvolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The pure placement rules of one pipeline task over its live sessions (DESIGN §6): a session whose node died goes
 * back to REQUESTED; a REQUESTED session goes to the node {@link PlacementPolicy} chooses, oldest session first, each
 * choice counting toward the next so that sessions spread. ENDED sessions are never placed.
 */
public final class SessionPlacement {

    private static final Comparator<SessionRecord> OLDEST_FIRST = Comparator
            .comparing(SessionRecord::getCreatedAt).thenComparing(s -> s.getSessionId().toString());

    private SessionPlacement() {
    }

    /**
     * Everything placement would change now: sessions on dead nodes requeued, then every REQUESTED session placed
     * where there is room.
     *
     * @param live  the task's sessions (ENDED ones are ignored)
     * @param nodes the last heartbeat per node id
     * @param avoid per session, a node it should not return to yet
     */
    public static List<PlacementDecision> reconcile(Collection<SessionRecord> live, Map<String, NodeStatus> nodes,
            Map<UUID, Avoidance> avoid, Instant now, Duration nodeTimeout) {
        List<PlacementDecision> decisions = new ArrayList<>();
        Map<UUID, SessionRecord> current = new HashMap<>();
        for (SessionRecord session : sorted(live)) {
            current.put(session.getSessionId(), session);
            if (!isPlaced(session)) {
                continue;
            }
            Optional<String> dead = PlacementPolicy.deadReason(session.getNodeId(),
                    nodes.get(session.getNodeId()), now, nodeTimeout);
            if (dead.isPresent()) {
                ControlEvent.SessionRequeued requeued = new ControlEvent.SessionRequeued(session.getSessionId(),
                        session.getNodeId(), dead.get(), now);
                decisions.add(new PlacementDecision(session.getSceneId(), requeued));
                current.put(session.getSessionId(), ControlEvolution.session(session, requeued));
            }
        }
        decisions.addAll(place(current.values(), s -> true, nodes, avoid, now, nodeTimeout));
        return decisions;
    }

    /**
     * Places the REQUESTED sessions among {@code which} (e.g. the one just requested), leaving the others alone.
     *
     * @param live the task's sessions, including those in {@code which}
     */
    public static List<PlacementDecision> place(Collection<SessionRecord> live, Predicate<UUID> which,
            Map<String, NodeStatus> nodes, Map<UUID, Avoidance> avoid, Instant now, Duration nodeTimeout) {
        Map<String, Set<UUID>> placed = placedByNode(live);
        List<PlacementDecision> decisions = new ArrayList<>();
        for (SessionRecord session : sorted(live)) {
            if (session.getStatus() != SessionStatus.REQUESTED || !which.test(session.getSessionId())) {
                continue;
            }
            Avoidance avoidance = avoid.get(session.getSessionId());
            Set<String> avoided = avoidance != null && avoidance.holdsAt(now) ? Set.of(avoidance.nodeId()) : Set.of();
            Optional<String> node = PlacementPolicy.choose(nodes.values(), placed, avoided, now, nodeTimeout);
            if (node.isPresent()) {
                placed.computeIfAbsent(node.get(), n -> new HashSet<>()).add(session.getSessionId());
                decisions.add(new PlacementDecision(session.getSceneId(),
                        new ControlEvent.SessionAssigned(session.getSessionId(), node.get(), now)));
            }
        }
        return decisions;
    }

    /** Whether the session is on a node (ASSIGNED or RUNNING). */
    public static boolean isPlaced(SessionRecord session) {
        return (session.getStatus() == SessionStatus.ASSIGNED || session.getStatus() == SessionStatus.RUNNING)
                && session.getNodeId() != null;
    }

    private static Map<String, Set<UUID>> placedByNode(Collection<SessionRecord> live) {
        Map<String, Set<UUID>> placed = new HashMap<>();
        for (SessionRecord session : live) {
            if (isPlaced(session)) {
                placed.computeIfAbsent(session.getNodeId(), n -> new HashSet<>()).add(session.getSessionId());
            }
        }
        return placed;
    }

    private static List<SessionRecord> sorted(Collection<SessionRecord> live) {
        return live.stream().filter(s -> s.getStatus() != SessionStatus.ENDED).sorted(OLDEST_FIRST).toList();
    }
}
