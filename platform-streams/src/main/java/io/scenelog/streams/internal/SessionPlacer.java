package io.scenelog.streams.internal;

import io.scenelog.streams.control.ControlEvent;
import io.scenelog.streams.placement.Avoidance;
import io.scenelog.streams.placement.PlacementDecision;
import io.scenelog.streams.placement.PlacementSettings;
import io.scenelog.streams.placement.SessionPlacement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between the task's stores and {@link SessionPlacement}: places requested sessions at once, and in
 * rounds (a wall-clock punctuation) retries the ones that found no room and moves sessions off dead nodes. Which
 * node a session should avoid for a while is kept in memory: it is a preference, and forgetting it when a task
 * moves costs at most one retry on the same node.
 */
final class SessionPlacer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPlacer.class);

    private final LiveSessions live;
    private final RenderNodes nodes;
    private final ControlApplier applier;
    private final PlacementSettings settings;
    private final Map<UUID, Avoidance> avoid = new HashMap<>();

    SessionPlacer(LiveSessions live, RenderNodes nodes, ControlApplier applier, PlacementSettings settings) {
        this.live = live;
        this.nodes = nodes;
        this.applier = applier;
        this.settings = settings;
    }

    /** After a control command: remembers what a requeue avoids, and places the sessions it left REQUESTED. */
    void afterCommand(List<ControlEvent> events, Instant now) {
        Set<UUID> waiting = new HashSet<>();
        for (ControlEvent event : events) {
            if (event instanceof ControlEvent.SessionRequeued requeued) {
                avoid.put(requeued.sessionId(), new Avoidance(requeued.nodeId(), now.plus(settings.lostBackoff())));
                waiting.add(requeued.sessionId());
            } else if (event instanceof ControlEvent.SessionRequested requested) {
                waiting.add(requested.sessionId());
            } else if (event instanceof ControlEvent.SessionEnded ended) {
                avoid.remove(ended.sessionId());
            }
        }
        if (!waiting.isEmpty()) {
            apply(SessionPlacement.place(live.all(), waiting::contains, nodes.all(), avoid, now,
                    settings.nodeTimeout()), now);
        }
    }

    /** One placement round: sessions on dead nodes requeued, every requested session placed where there is room. */
    void round(Instant now) {
        avoid.values().removeIf(a -> !a.holdsAt(now));
        apply(SessionPlacement.reconcile(live.all(), nodes.all(), avoid, now, settings.nodeTimeout()), now);
    }

    private void apply(List<PlacementDecision> decisions, Instant now) {
        for (PlacementDecision decision : decisions) {
            if (decision.event() instanceof ControlEvent.SessionRequeued requeued) {
                LOG.info("Session {} goes back to REQUESTED: {}.", requeued.sessionId(), requeued.reason());
                avoid.put(requeued.sessionId(), new Avoidance(requeued.nodeId(), now.plus(settings.lostBackoff())));
            } else if (decision.event() instanceof ControlEvent.SessionAssigned assigned) {
                LOG.info("Session {} is assigned to render node '{}'.", assigned.sessionId(), assigned.nodeId());
            }
            applier.apply(decision.sceneId(), List.of(decision.event()), now.toEpochMilli());
        }
    }
}
