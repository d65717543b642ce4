package io.scenelog.bridge.internal.video;

import io.scenelog.livelink.VideoState;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video of one session on this bridge: its video clients (each with its last Configure) and the one RenderLink
 * to the session's renderer they share. The link follows the session's frame endpoint: a new endpoint (a renderer
 * replaced after a crash) or a dropped link tells the clients (VideoStatus STARTING, or NO_RENDERER without a
 * renderer), connects again with back-off and sends every client's last Configure again, which makes the renderer
 * start each stream with a key frame. State changes happen under this object's lock; clients and the link are
 * called outside it. Each link and each attempt belongs to a generation: what a replaced link or an outdated attempt
 * reports is ignored.
 */
final class SessionVideo {

    private static final Logger LOG = LoggerFactory.getLogger(SessionVideo.class);

    /** A client with video, and the Configure frame it sent last. */
    private record Member(VideoViewer viewer, byte[] configure) {
    }

    /** A status to tell some clients, outside the lock. */
    private record Notice(List<VideoViewer> viewers, VideoState state, String message) {
        void tell() {
            viewers.forEach(viewer -> viewer.videoStatus(state, message));
        }
    }

    private final UUID sceneId;
    private final UUID sessionId;
    private final LinkServices services;
    private final RendererFrames rendererFrames;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private String endpoint;
    private VideoState withoutEndpoint = VideoState.NO_RENDERER;
    private RenderLink link;
    private long generation;
    private boolean connecting;
    private int failures;
    private ScheduledFuture<?> retry;
    private boolean closed;

    SessionVideo(UUID sceneId, UUID sessionId, LinkServices services) {
        this.sceneId = sceneId;
        this.sessionId = sessionId;
        this.services = services;
        this.rendererFrames = new RendererFrames(services.codec());
    }

    /** A client's Configure with video: remembered, and sent to the renderer when linked. */
    void configure(VideoViewer viewer, byte[] configure) {
        RenderLink linked;
        Notice notice = null;
        synchronized (this) {
            members.put(viewer.clientId(), new Member(viewer, configure));
            linked = link;
            if (linked == null) {
                notice = endpoint == null ? new Notice(List.of(viewer), withoutEndpoint, noEndpoint())
                        : new Notice(List.of(viewer), VideoState.STARTING, "connecting to the session's renderer");
                connectSoon(Duration.ZERO);
            }
        }
        if (linked != null) {
            linked.send(new RenderLinkMessage(viewer.clientId(), configure));
        } else {
            notice.tell();
        }
    }

    /**
     * A client no longer wants video (or left): the renderer is told to stop its stream.
     *
     * @param stop the Configure without video to send for it
     * @return whether the session has no video client left (its link is closed)
     */
    boolean leave(VideoViewer viewer, byte[] stop) {
        String clientId = viewer.clientId();
        RenderLink linked;
        boolean gone;
        boolean empty;
        synchronized (this) {
            // Only this viewer's own registration: the same client connected again (REPLACED) may own it now.
            Member member = members.get(clientId);
            gone = member != null && member.viewer() == viewer && members.remove(clientId, member);
            linked = link;
            empty = members.isEmpty();
            if (empty) {
                close();
            }
        }
        if (gone && linked != null && !empty) {
            linked.send(new RenderLinkMessage(clientId, stop));
        }
        return empty;
    }

    /**
     * Sends a client's frame (Input, a pick Query, a key-frame request) to the renderer.
     *
     * @return false when the client has no video here or the session has no link now
     */
    boolean forward(String clientId, byte[] frame) {
        RenderLink linked;
        synchronized (this) {
            linked = link;
        }
        return linked != null && members.containsKey(clientId) && linked.send(new RenderLinkMessage(clientId, frame));
    }

    /**
     * Where the session's renderer is now, from the sessions view.
     *
     * @param newEndpoint the renderer's frame endpoint, or null when none runs
     * @param idle        what clients are told while there is none (NO_RENDERER, or STARTING while one is assigned)
     */
    void target(String newEndpoint, VideoState idle) {
        Notice notice;
        synchronized (this) {
            if (closed || Objects.equals(endpoint, newEndpoint) && (newEndpoint != null || idle == withoutEndpoint)) {
                return;
            }
            LOG.info("Session {}: the renderer's endpoint is now {} (was {}).", sessionId, newEndpoint, endpoint);
            endpoint = newEndpoint;
            withoutEndpoint = idle;
            dropLink();
            failures = 0;
            if (newEndpoint == null) {
                notice = new Notice(viewers(), idle, noEndpoint());
            } else {
                notice = new Notice(viewers(), VideoState.STARTING, "connecting to the session's renderer");
                connectSoon(Duration.ZERO);
            }
        }
        notice.tell();
    }

    /** Closes the link for good. */
    synchronized void close() {
        closed = true;
        dropLink();
    }

    /** Whether a link is open (tests, metrics). */
    synchronized boolean linked() {
        return link != null;
    }

    /** Closes the current link, cancels the pending attempt and starts a new generation; under the lock. */
    private void dropLink() {
        generation++;
        if (link != null) {
            link.close();
            link = null;
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        connecting = false;
    }

    /** Schedules an attempt unless one is under way or a link is open; under the lock. */
    private void connectSoon(Duration delay) {
        if (closed || endpoint == null || link != null || connecting || retry != null) {
            return;
        }
        long attempt = generation;
        String target = endpoint;
        retry = services.timers().schedule(() -> startAttempt(attempt, target), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void startAttempt(long attempt, String target) {
        synchronized (this) {
            if (attempt != generation || closed) {
                return;
            }
            retry = null;
            connecting = true;
        }
        try {
            services.connectors().execute(() -> connect(attempt, target));
        } catch (RejectedExecutionException e) {
            // the bridge is stopping
        }
    }

    private void connect(long attempt, String target) {
        RenderLink opened;
        try {
            opened = RenderLink.open(RenderLink.address(target), services.hello(sceneId, sessionId), services.codec(),
                    services.clock(), sessionId.toString().substring(0, 8), new Listener(attempt));
        } catch (LinkRefusedException e) {
            failed(attempt, VideoState.FAILED, e.getMessage(), true);
            return;
        } catch (IOException | IllegalArgumentException e) {
            failed(attempt, VideoState.STARTING, "cannot reach the session's renderer at " + target + " ("
                    + e.getMessage() + "); trying again", false);
            return;
        }
        List<Member> configured;
        synchronized (this) {
            connecting = false;
            if (attempt != generation || closed) {
                opened.close();
                return;
            }
            link = opened;
            failures = 0;
            configured = new ArrayList<>(members.values());
        }
        LOG.info("Session {}: linked to its renderer at {} for {} video clients.", sessionId, target,
                configured.size());
        for (Member member : configured) {
            opened.send(new RenderLinkMessage(member.viewer().clientId(), member.configure()));
        }
    }

    private void failed(long attempt, VideoState state, String message, boolean refused) {
        Notice notice;
        synchronized (this) {
            if (attempt != generation || closed) {
                return;
            }
            connecting = false;
            // A refusal will not change soon (a key or a session the renderer does not know): wait the longest.
            Duration wait = refused ? services.limits().reconnectMax() : services.backOff(failures);
            failures++;
            notice = new Notice(viewers(), state, message);
            connectSoon(wait);
        }
        LOG.warn("Session {}: {}", sessionId, message);
        notice.tell();
    }

    private void ended(long attempt, String why) {
        Notice notice;
        synchronized (this) {
            if (attempt != generation || closed) {
                return;
            }
            link = null;
            generation++;
            notice = new Notice(viewers(), VideoState.STARTING, "the link to the session's renderer dropped (" + why
                    + "); reconnecting");
            connectSoon(services.backOff(0));
        }
        LOG.warn("Session {}: the link to its renderer ended: {}", sessionId, why);
        notice.tell();
    }

    private void relay(RenderLinkMessage message) {
        Member member = members.get(message.clientId());
        if (member == null) {
            // A client that left meanwhile (its stop may still be on the way), or one of another bridge's.
            return;
        }
        RendererFrames.Kind kind = rendererFrames.classify(message.frame());
        if (kind instanceof RendererFrames.Video video) {
            member.viewer().videoFrame(message.frame(), video.keyFrame());
        } else if (kind instanceof RendererFrames.Relayed) {
            member.viewer().relay(message.frame());
        } else {
            LOG.warn("Session {}: dropped a frame of the renderer's for client {}: {}", sessionId,
                    message.clientId(), ((RendererFrames.Refused) kind).why());
        }
    }

    private List<VideoViewer> viewers() {
        return members.values().stream().map(Member::viewer).toList();
    }

    private String noEndpoint() {
        return withoutEndpoint == VideoState.STARTING ? "a renderer is being started for session " + sessionId
                : "no renderer serves session " + sessionId + " yet";
    }

    /** The link's reports, for one generation. */
    private final class Listener implements RenderLink.Listener {
        private final long attempt;

        Listener(long attempt) {
            this.attempt = attempt;
        }

        @Override
        public void message(RenderLinkMessage message) {
            relay(message);
        }

        @Override
        public void ended(String why) {
            SessionVideo.this.ended(attempt, why);
        }
    }
}
