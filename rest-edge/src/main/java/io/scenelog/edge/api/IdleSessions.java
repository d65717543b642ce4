package io.scenelog.edge.api;

import io.scenelog.edge.http.ApiException;
import io.scenelog.model.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends sessions that sat without clients for the idle timeout (DESIGN §6). Every edge instance runs it; when two
 * send the same end, the pipeline accepts the first and rejects the second, which changes nothing.
 */
final class IdleSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleSessions.class);
    private static final String REASON = "idle timeout with no clients";

    private final Platform platform;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;

    IdleSessions(Platform platform, Duration timeout) {
        this.platform = platform;
        this.timeout = timeout;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scenelog-idle-sessions");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, Math.min(timeout.toMillis() / 4, 30_000));
        scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Ends every session idle since before {@code now - timeout}; public to the package for tests. */
    void sweep() {
        Instant cutoff = platform.clock().instant().minus(timeout);
        List<SessionRecord> idle = platform.sessions().values().stream()
                .filter(ResourceJson::live)
                .filter(session -> session.getClients().isEmpty() && session.getUpdatedAt().isBefore(cutoff))
                .toList();
        for (SessionRecord session : idle) {
            try {
                platform.control(platform.service().commands().endSession(session.getSceneId(),
                        session.getSessionId(), REASON), session.getSessionId());
                LOG.info("Ended session {} of scene {}: no clients for {}.", session.getSessionId(),
                        session.getSceneId(), timeout);
            } catch (ApiException e) {
                LOG.debug("Could not end idle session {}: {}", session.getSessionId(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Could not end idle session {}", session.getSessionId(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
