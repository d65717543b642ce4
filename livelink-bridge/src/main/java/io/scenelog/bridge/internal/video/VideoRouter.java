package io.scenelog.bridge.internal.video;

import io.scenelog.bridge.VideoLimits;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.model.SessionRecord;
import io.scenelog.model.SessionStatus;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.streams.auth.TokenIssuer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Routes video between this bridge's clients and their sessions' renderers: one {@link SessionVideo} (one RenderLink)
 * per session with at least one video client here, created at the first client's Configure and closed when the last
 * leaves. {@link #refresh()} (on a timer) points each at its session's current frame endpoint. Headless clients never
 * get here: the connection answers their Configure itself, so they cost the renderer nothing.
 */
public final class VideoRouter implements AutoCloseable {


    private final LinkServices services;
    private final Function<UUID, Optional<SessionRecord>> sessions;
    private final byte[] stopFrame;
    private final Map<UUID, SessionVideo> bySession = new HashMap<>();

    /**
     * @param codec    frames both ways (the bridge's)
     * @param issuer   mints the links' service tokens with the platform key
     * @param bridgeId this bridge, the tokens' subject {@code bridge:<bridgeId>}
     * @param limits   reconnect waits
     * @param timers   the bridge's timers
     * @param sessions the sessions view: a session's record by id
     * @param clock    the wall clock
     */
    public VideoRouter(FrameCodec codec, TokenIssuer issuer, String bridgeId, VideoLimits limits,
            ScheduledExecutorService timers, Function<UUID, Optional<SessionRecord>> sessions, Clock clock) {
        this.services = new LinkServices(codec, issuer, bridgeId, limits, timers, connectors(), clock);
        this.sessions = sessions;
        this.stopFrame = codec.encode(Frame.of(new Configure(null)));
    }

    /**
     * Why a client's video settings are refused, if they are: sizes, frame rate and codecs within the limits.
     *
     * @return the problem in words, or empty when the settings are acceptable
     */
    public static Optional<String> problem(VideoSettings video, VideoLimits limits) {
        if (video.getWidth() < VideoLimits.MIN_SIDE || video.getWidth() > limits.maxWidth()
                || video.getHeight() < VideoLimits.MIN_SIDE || video.getHeight() > limits.maxHeight()) {
            return Optional.of("a video of " + video.getWidth() + "x" + video.getHeight() + " is outside "
                    + VideoLimits.MIN_SIDE + "x" + VideoLimits.MIN_SIDE + " to " + limits.maxWidth() + "x"
                    + limits.maxHeight());
        }
        if (video.getWidth() % 2 != 0 || video.getHeight() % 2 != 0) {
            return Optional.of("video sides must be even (4:2:0 chroma), got " + video.getWidth() + "x"
                    + video.getHeight());
        }
        if (video.getMaxFramesPerSecond() < 1 || video.getMaxFramesPerSecond() > limits.maxFramesPerSecond()) {
            return Optional.of("a frame rate of " + video.getMaxFramesPerSecond() + " is outside 1 to "
                    + limits.maxFramesPerSecond());
        }
        if (video.getCodecs().isEmpty()) {
            return Optional.of("no codec was offered");
        }
        if (video.getMaxBitrateKbps() != null && video.getMaxBitrateKbps() < 1) {
            return Optional.of("a bit rate limit must be positive, got " + video.getMaxBitrateKbps() + " kbps");
        }
        return Optional.empty();
    }

    /** A client's Configure with video (checked already), as its frame: relayed to its session's renderer. */
    public void configure(UUID sceneId, UUID sessionId, VideoViewer viewer, byte[] configure) {
        SessionVideo session;
        synchronized (this) {
            session = bySession.get(sessionId);
            if (session == null) {
                session = new SessionVideo(sceneId, sessionId, services);
                bySession.put(sessionId, session);
                point(sessionId, session);
            }
            session.configure(viewer, configure);
        }
    }

    /** A client stopped its video or left: the renderer stops its stream; the last one closes the link. */
    public synchronized void leave(UUID sessionId, VideoViewer viewer) {
        SessionVideo session = bySession.get(sessionId);
        if (session != null && session.leave(viewer, stopFrame)) {
            bySession.remove(sessionId);
        }
    }

    /**
     * Sends a client's Input, pick Query or key-frame request to its session's renderer.
     *
     * @return false when the client has no video here or no renderer is linked now
     */
    public boolean forward(UUID sessionId, String clientId, byte[] frame) {
        SessionVideo session;
        synchronized (this) {
            session = bySession.get(sessionId);
        }
        return session != null && session.forward(clientId, frame);
    }

    /** Points every session's link at its current frame endpoint (a renderer may have been replaced). */
    public void refresh() {
        Map<UUID, SessionVideo> now;
        synchronized (this) {
            now = Map.copyOf(bySession);
        }
        now.forEach(this::point);
    }

    /** How many sessions have a link open now. */
    public synchronized int linkedSessions() {
        return (int) bySession.values().stream().filter(SessionVideo::linked).count();
    }

    @Override
    public void close() {
        synchronized (this) {
            bySession.values().forEach(SessionVideo::close);
            bySession.clear();
        }
        services.connectors().shutdownNow();
    }

    private void point(UUID sessionId, SessionVideo session) {
        SessionRecord record = sessions.apply(sessionId).orElse(null);
        if (record != null && record.getStatus() == SessionStatus.RUNNING && record.getFrameEndpoint() != null) {
            session.target(record.getFrameEndpoint(), VideoState.NO_RENDERER);
        } else if (record != null && record.getStatus() == SessionStatus.ASSIGNED) {
            session.target(null, VideoState.STARTING);
        } else {
            session.target(null, VideoState.NO_RENDERER);
        }
    }

    private static ExecutorService connectors() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scenelog-renderlink-connect-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
