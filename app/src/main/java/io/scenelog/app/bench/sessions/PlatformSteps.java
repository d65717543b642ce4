package io.scenelog.app.bench.sessions;

import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.Role;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The platform's steps of one stream size: {@code k} new sessions of the scene, each with one video client joined
 * through the REST API and streaming through the bridge from its own renderer process; then every session ended
 * through the API and its renderer process gone before the next step.
 */
final class PlatformSteps {

    /** A renderer JVM with Vulkan and FFmpeg takes up to ~20 s to start on a busy 2-core box; several start at once. */
    private static final Duration SESSION_START_BASE = Duration.ofSeconds(60);
    private static final Duration SESSION_START_EACH = Duration.ofSeconds(20);
    private static final Duration CLEAN_UP = Duration.ofSeconds(90);

    private final SessionAdmin admin;
    private final PlatformRest rest;
    private final String adminToken;
    private final UUID sceneId;
    private final SessionsBenchSettings settings;
    private final StepWindow window;
    private final PrintWriter progress;

    PlatformSteps(SessionAdmin admin, PlatformRest rest, String adminToken, UUID sceneId,
            SessionsBenchSettings settings, StepWindow window, PrintWriter progress) {
        this.admin = admin;
        this.rest = rest;
        this.adminToken = adminToken;
        this.sceneId = sceneId;
        this.settings = settings;
        this.window = window;
        this.progress = progress;
    }

    /** Climbs the ladder at this size. */
    Ladder.Climb climb(StreamSize size) throws InterruptedException {
        return new Ladder(settings.maxSessions(), settings.minFps()).climb(k -> step(size, k));
    }

    private StepResult step(StreamSize size, int sessions) throws InterruptedException {
        progress.printf("platform %s: %d session%s...%n", size.label(settings.fps()), sessions,
                sessions == 1 ? "" : "s");
        progress.flush();
        List<UUID> started = new ArrayList<>();
        List<VideoViewer> viewers = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                started.add(admin.startSession(sceneId));
            }
            long deadline = System.nanoTime() + SESSION_START_BASE.plus(SESSION_START_EACH.multipliedBy(sessions))
                    .toNanos();
            for (UUID session : started) {
                if (!admin.awaitStatus(session, "running", deadline)) {
                    return StepResult.failed(sessions, "session " + session + " was not running in time (status "
                            + admin.status(session) + ")");
                }
            }
            VideoSettings video = new VideoSettings(size.width(), size.height(), settings.fps(),
                    List.of(settings.codec().webCodecs()), size.bitrateKbps());
            for (UUID session : started) {
                viewers.add(VideoViewer.watch(rest.join(adminToken, session, Role.VIEWER, false), video));
            }
            StepResult result = window.measure(viewers.stream().map(VideoViewer::frames).toList(),
                    i -> viewers.get(i).lastStatus().orElse("no video status from the bridge"));
            progress.println("  " + Tables.stepLine(result));
            progress.flush();
            return result;
        } finally {
            viewers.forEach(VideoViewer::close);
            endAll(started);
        }
    }

    private void endAll(List<UUID> sessions) throws InterruptedException {
        for (UUID session : sessions) {
            admin.end(session);
        }
        long deadline = System.nanoTime() + CLEAN_UP.toNanos();
        for (UUID session : sessions) {
            if (!admin.awaitStatus(session, "ended", deadline)) {
                throw new IllegalStateException("Session " + session + " did not end within " + CLEAN_UP.toSeconds()
                        + " s of DELETE /sessions/" + session);
            }
        }
        if (!RendererProcesses.awaitNone(deadline)) {
            throw new IllegalStateException(RendererProcesses.running() + " renderer processes still run "
                    + CLEAN_UP.toSeconds() + " s after their sessions ended: the next step would share the cores");
        }
    }
}
