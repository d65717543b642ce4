package io.scenelog.renderer.node.internal;

import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.renderer.node.RenderNodeSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's renderer processes in step with the sessions assigned to it, one round at a time, always on the
 * same thread: starts a renderer for each session ASSIGNED (or RUNNING) here that has none, reports it RUNNING once it
 * prints its endpoint, reports a session lost when its renderer exits unexpectedly or is not ready in time, stops
 * renderers whose session ended or moved, and ends RUNNING sessions that sat without clients for the idle timeout.
 */
public final class SessionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSupervisor.class);
    /** How long a SessionRunning may go unanswered (still ASSIGNED here) before it is sent again. */
    private static final Duration RESEND_AFTER = Duration.ofSeconds(5);
    /** How long a report (lost, end) waits for the platform's answer before the session is looked at afresh. */
    private static final Duration REPORT_PATIENCE = Duration.ofSeconds(15);

    private final RenderNodeSettings settings;
    private final RendererCommand command;
    private final ControlChannel control;
    private final NodeAssets assets;
    private final Map<UUID, Hosted> hosted = new HashMap<>();
    private final Map<UUID, Report> reported = new HashMap<>();
    private final Map<UUID, Instant> idleSince = new HashMap<>();

    /** A renderer of this node and what the platform was told about it. */
    private static final class Hosted {
        final RendererProcess process;
        final Instant startedAt;
        Instant announcedAt;

        Hosted(RendererProcess process, Instant startedAt) {
            this.process = process;
            this.startedAt = startedAt;
        }
    }

    /** A lost or idle session reported at a version of its record: not acted on again until the record changes. */
    private record Report(long updatedAt, Instant at) {
    }

    public SessionSupervisor(RenderNodeSettings settings, RendererCommand command, ControlChannel control,
            NodeAssets assets) {
        this.settings = settings;
        this.command = command;
        this.control = control;
        this.assets = assets;
    }

    /** The sessions this node hosts now (starting or serving). */
    public List<UUID> hostedSessions() {
        return List.copyOf(hosted.keySet());
    }

    /** The process id of each hosted session's renderer. */
    public Map<UUID, Long> rendererPids() {
        return hosted.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().process.pid()));
    }

    /** One round against the current session records. */
    public void reconcile(Collection<SessionRecord> sessions, Instant now) {
        Map<UUID, SessionRecord> mine = sessions.stream()
                .filter(s -> settings.nodeId().equals(s.getNodeId()))
                .filter(s -> s.getStatus() == SessionStatus.ASSIGNED || s.getStatus() == SessionStatus.RUNNING)
                .collect(Collectors.toMap(SessionRecord::getSessionId, Function.identity(), (a, b) -> b));
        reported.entrySet().removeIf(r -> !stillUnanswered(r.getValue(), mine.get(r.getKey()), now));
        for (UUID sessionId : new ArrayList<>(hosted.keySet())) {
            check(sessionId, mine.get(sessionId), now);
        }
        for (SessionRecord session : mine.values()) {
            if (!hosted.containsKey(session.getSessionId()) && !reported.containsKey(session.getSessionId())) {
                start(session, now);
            }
        }
        endIdle(mine.values(), now);
    }

    /** Stops every renderer (SIGTERM, then SIGKILL after the grace) and waits for them, up to the grace and a bit. */
    public void stopAll() {
        hosted.values().forEach(h -> h.process.stop(settings.stopGrace()));
        Instant deadline = Instant.now().plus(settings.stopGrace()).plusSeconds(5);
        for (Hosted h : hosted.values()) {
            try {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                h.process.exit().get(left, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Renderer of session {} (pid {}) did not exit in time.", h.process.sessionId(),
                        h.process.pid());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        hosted.clear();
        assets.close();
    }

    /** Kills every renderer at once and tells nobody: the node vanishes as if its machine died. */
    public void killAll() {
        hosted.values().forEach(h -> h.process.kill());
        hosted.clear();
        assets.close();
    }

    private void check(UUID sessionId, SessionRecord session, Instant now) {
        Hosted h = hosted.get(sessionId);
        if (session == null) {
            LOG.info("Session {} ended or moved away from node '{}'; stopping its renderer (pid {}).", sessionId,
                    settings.nodeId(), h.process.pid());
            h.process.stop(settings.stopGrace());
            hosted.remove(sessionId);
            idleSince.remove(sessionId);
        } else if (!h.process.isAlive()) {
            hosted.remove(sessionId);
            lose(session, "renderer exited with status " + h.process.exit().getNow(-1), now);
        } else if (h.process.endpoint().isDone()) {
            announce(session, h, now);
        } else if (Duration.between(h.startedAt, now).compareTo(settings.readyTimeout()) > 0) {
            h.process.kill();
            hosted.remove(sessionId);
            lose(session, "renderer not ready within " + settings.readyTimeout(), now);
        }
    }

    private void announce(SessionRecord session, Hosted h, Instant now) {
        String endpoint = h.process.endpoint().join();
        boolean told = session.getStatus() == SessionStatus.RUNNING && endpoint.equals(session.getFrameEndpoint());
        boolean due = h.announcedAt == null || Duration.between(h.announcedAt, now).compareTo(RESEND_AFTER) > 0;
        if (!told && due) {
            LOG.info("Session {} runs on node '{}' at {} (pid {}).", session.getSessionId(), settings.nodeId(),
                    endpoint, h.process.pid());
            control.running(session.getSceneId(), session.getSessionId(), settings.nodeId(), endpoint);
            h.announcedAt = now;
        }
    }

    private void start(SessionRecord session, Instant now) {
        UUID sessionId = session.getSessionId();
        if (hosted.size() >= settings.capacity()) {
            lose(session, "node '" + settings.nodeId() + "' is at capacity (" + settings.capacity() + ")", now);
            return;
        }
        try {
            // the renderer's JVM and Vulkan take seconds to start: fetch the scene's assets meanwhile
            assets.warmUp(session.getSceneId(), sessionId);
            RendererProcess process = RendererProcess.start(sessionId, command.forSession(session));
            hosted.put(sessionId, new Hosted(process, now));
            LOG.info("Started the renderer of session {} of scene {} on node '{}' (pid {}).", sessionId,
                    session.getSceneId(), settings.nodeId(), process.pid());
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not start the renderer of session {} on node '{}'.", sessionId, settings.nodeId(), e);
            lose(session, "renderer could not start: " + e.getMessage(), now);
        }
    }

    private void lose(SessionRecord session, String reason, Instant now) {
        LOG.warn("Node '{}' lost session {}: {}.", settings.nodeId(), session.getSessionId(), reason);
        control.lost(session.getSceneId(), session.getSessionId(), settings.nodeId(), reason);
        reported.put(session.getSessionId(), new Report(session.getUpdatedAt().toEpochMilli(), now));
        idleSince.remove(session.getSessionId());
    }

    private void endIdle(Collection<SessionRecord> mine, Instant now) {
        Set<UUID> present = mine.stream().map(SessionRecord::getSessionId).collect(Collectors.toSet());
        idleSince.keySet().retainAll(present);
        for (SessionRecord session : mine) {
            UUID sessionId = session.getSessionId();
            if (session.getStatus() != SessionStatus.RUNNING || !session.getClients().isEmpty()
                    || !hosted.containsKey(sessionId)) {
                idleSince.remove(sessionId);
                continue;
            }
            Instant since = idleSince.computeIfAbsent(sessionId, s -> now);
            if (Duration.between(since, now).compareTo(settings.idleTimeout()) >= 0
                    && !reported.containsKey(sessionId)) {
                LOG.info("Ending session {}: no clients for {}.", sessionId, settings.idleTimeout());
                control.end(session.getSceneId(), sessionId, "idle timeout with no clients");
                reported.put(sessionId, new Report(session.getUpdatedAt().toEpochMilli(), now));
            }
        }
    }

    /** Whether a report still waits for its answer: the session is unchanged here, and not for too long. */
    private static boolean stillUnanswered(Report report, SessionRecord session, Instant now) {
        return session != null && session.getUpdatedAt().toEpochMilli() == report.updatedAt()
                && Duration.between(report.at(), now).compareTo(REPORT_PATIENCE) < 0;
    }
}
