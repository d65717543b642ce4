package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.BridgeLimits;
import io.scenelog.bridge.internal.feed.EventEntry;
import io.scenelog.bridge.internal.feed.EventSink;
import io.scenelog.bridge.internal.feed.SceneWindow;
import io.scenelog.bridge.internal.video.VideoViewer;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.model.ActionResult;
import io.scenelog.model.EntityState;
import io.scenelog.model.SessionRecord;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameException;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Livelink connection: its state machine (awaiting the Hello, handshaking, open, closing, closed), its outbound
 * queue, the checks every frame goes through (rate, decoding, direction, the token and the client's standing in the
 * session), its timers and its clean-up. Frames arrive one at a time on a Jetty thread; events arrive from the feed;
 * results from the results router; the handshake runs on a handshake thread. State changes happen under the
 * connection's lock, which is never held while calling into a scene window or the video router.
 *
 * <p>Video from the session's renderer arrives on a RenderLink's reader thread ({@link VideoViewer}). VideoFrames go
 * through the same outbound queue as everything else but may be dropped when the client falls behind (see
 * {@link OutboundQueue}); the connection then asks the renderer for a key frame on the client's behalf, so the
 * client's decoder can go on, and the client stays connected. Everything else keeps the queue's rules.
 */
public final class Connection implements EventSink, VideoViewer {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int MAX_HELD_FRAMES = 64;
    private static final Duration FORCED_CLOSE = Duration.ofSeconds(2);
    private static final int RECONNECT_SOON_MILLIS = 1_000;

    /** Where a connection is in its life. */
    enum State { AWAITING_HELLO, HANDSHAKING, OPEN, CLOSING, CLOSED }

    private final ConnectionServices services;
    private final Transport transport;
    private final Optional<String> sessionParameter;
    private final OutboundQueue outbound;
    private final TokenBucket frames;
    private final ClientFrames clientFrames;
    private final ConnectionPresence presence;
    private final List<Frame> held = new ArrayList<>();
    private final long maxHeldBytes;
    private long heldBytes;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private State state = State.AWAITING_HELLO;
    private boolean welcomed;
    private boolean cleanedUp;
    private volatile Identity identity;
    private volatile long startVersion;
    private SceneWindow window;
    private long lastEventVersion = -1;
    /** The session's record and the presence version of the last sweep that looked (the sweeper's own). */
    private SessionRecord sweptRecord;
    private long sweptPresence = -1;
    private long pingSequence;
    private volatile long lastInboundNanos = System.nanoTime();

    Connection(ConnectionServices services, Transport transport, Optional<String> sessionParameter) {
        this.services = services;
        this.transport = transport;
        this.sessionParameter = sessionParameter;
        BridgeLimits limits = services.settings().limits();
        this.outbound = new OutboundQueue(transport, limits.outboundQueueFrames(), limits.outboundQueueBytes(),
                services.queuedFrames(), this::socketBroken,
                // under this connection's lock: the router is called from another thread
                () -> services.timers().execute(this::askKeyFrame));
        // "Far beyond" the frame rate: two seconds' worth of frames may arrive at once before the flood rule bites.
        this.frames = new TokenBucket(limits.framesPerSecond(), 2 * limits.framesPerSecond(), System.nanoTime());
        // Frames wait for the Welcome while the handshake runs, which may queue behind others for long: a count
        // alone would let each waiting socket hold MAX_HELD_FRAMES full frames (16 MiB with the default limit).
        this.maxHeldBytes = 2L * limits.maxFrameBytes();
        this.clientFrames = new ClientFrames(this, services);
        this.presence = new ConnectionPresence(services);
    }

    /** The socket is open: the Hello must come within the hello timeout. */
    void opened() {
        schedule(() -> {
            if (state() == State.AWAITING_HELLO) {
                refuse(RefusalReason.HELLO_TIMEOUT, "no hello within " + services.settings().helloTimeout(), null);
            }
        }, services.settings().helloTimeout());
    }

    /** A binary message arrived (on a Jetty thread, one at a time). */
    void onBinary(ByteBuffer data) {
        int size = data.remaining();
        lastInboundNanos = System.nanoTime();
        State now = state();
        if (now == State.CLOSING || now == State.CLOSED) {
            services.metrics().receivedBytes(size);
        } else if (now == State.AWAITING_HELLO) {
            onFirstFrame(data, size);
        } else {
            onLaterFrame(data, size);
        }
    }

    /** A text message arrived: Livelink frames are binary. */
    void onText(int length) {
        lastInboundNanos = System.nanoTime();
        services.metrics().receivedBytes(length);
        protocolError("Livelink frames are binary WebSocket messages; a text message arrived");
    }

    /** The socket closed (the client went away, or after our close). */
    void onSocketClosed() {
        synchronized (this) {
            state = State.CLOSED;
        }
        outbound.discard();
        cleanUp();
    }

    // ---- the handshake's steps (HandshakeTask) ----

    /** The Hello passed its checks: the connection is this client's. */
    void admit(Identity who) {
        identity = who;
    }

    /**
     * Registers the admitted connection with the bridge (for results and sweeps), replacing an older connection of
     * the same client in the same session.
     *
     * @return false when the connection closed meanwhile
     */
    boolean register() {
        Optional<Connection> replaced;
        synchronized (this) {
            if (cleanedUp) {
                return false;
            }
            replaced = services.connections().add(this);
        }
        replaced.ifPresent(older -> older.disconnect(DisconnectReason.REPLACED, "the same client connected again",
                null));
        return true;
    }

    /** The scene window this connection holds until it closes. */
    void holdWindow(SceneWindow sceneWindow) {
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = cleanedUp;
            if (!closedMeanwhile) {
                window = sceneWindow;
            }
        }
        if (closedMeanwhile) {
            // Outside the lock: the feed's thread takes the window's lock, then this one's.
            sceneWindow.release(this);
        }
    }

    /**
     * Queues the Welcome and the PRESENT frames and sets where events start; runs under the scene window's lock
     * when joining straight from the window, so the Welcome precedes every event.
     */
    synchronized void welcome(byte[] welcomeFrame, List<Presence> present, long start) {
        if (state != State.HANDSHAKING) {
            return;
        }
        startVersion = start;
        lastEventVersion = start;
        welcomed = true;
        boolean fits = queue(welcomeFrame);
        for (Presence frame : present) {
            fits = fits && queue(encode(frame));
        }
        if (!fits) {
            // A session with more clients than the queue holds frames: the client cannot get its state in time.
            tooSlow();
        }
    }

    /**
     * The Welcome is queued: frames from the client are handled from now on (those that arrived early first), the
     * timers start and the client's presence entity is created.
     */
    void open() {
        while (true) {
            List<Frame> early;
            synchronized (this) {
                if (state != State.HANDSHAKING) {
                    return;
                }
                if (held.isEmpty()) {
                    state = State.OPEN;
                    break;
                }
                early = new ArrayList<>(held);
                held.clear();
                heldBytes = 0;
            }
            for (Frame frame : early) {
                if (authorised()) {
                    clientFrames.handle(frame);
                }
            }
        }
        Identity who = identity;
        Duration interval = services.settings().heartbeatInterval();
        synchronized (this) {
            timers.add(services.timers().scheduleAtFixedRate(this::heartbeat, interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS));
        }
        Duration untilExpiry = Duration.between(services.clock().instant(), who.expiresAt());
        schedule(() -> expire(who), untilExpiry.isNegative() ? Duration.ZERO : untilExpiry);
        createPresence();
    }

    /** Whether the connection is closing or closed (a catch-up stops then). */
    synchronized boolean ending() {
        return state == State.CLOSING || state == State.CLOSED;
    }

    // ---- what the bridge sends ----

    @Override
    public void onEvent(EventEntry entry) {
        boolean slow;
        synchronized (this) {
            if (entry.version() <= lastEventVersion) {
                return;
            }
            lastEventVersion = entry.version();
            if (!welcomed || state == State.CLOSING || state == State.CLOSED
                    || !entry.header().visibleTo(identity.sessionId())) {
                return;
            }
            slow = !queue(entry.frame());
            if (!slow && !entry.header().persisted()) {
                slow = !queuePresence(entry);
            }
        }
        if (slow) {
            tooSlow();
        }
    }

    @Override
    public synchronized long lastEventVersion() {
        return lastEventVersion;
    }

    @Override
    public void failed(RuntimeException problem) {
        // Not on the caller's thread: it is the feed's, inside the scene window's lock.
        services.timers().execute(() -> disconnect(DisconnectReason.SERVER_SHUTDOWN, "the bridge failed to deliver"
                + " an event to this connection; reconnect and resume", RECONNECT_SOON_MILLIS));
    }

    /** An action result for this client from the pipeline. */
    void onResult(ActionResult result) {
        if (presence.takeResult(result)) {
            return;
        }
        // Clients number their actions from 0 up; the platform's own actions on a client's behalf (the bridge's
        // presence, the renderer saving the client's moved camera) number themselves below zero, so that they never
        // collide with the client's. Their results are not the client's to see, and their sequence numbers are
        // beyond what a JavaScript number holds exactly.
        if (result.getClientSeq() < 0) {
            return;
        }
        send(Frame.of(result));
    }

    /** Queues a frame for the client, if it is welcomed and not closing; a queue overflow disconnects it. */
    void send(Frame frame) {
        byte[] bytes = encode(frame);
        boolean slow;
        synchronized (this) {
            if (!welcomed || state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            slow = !queue(bytes);
        }
        if (slow) {
            tooSlow();
        }
    }

    // ---- video from the session's renderer ----

    @Override
    public String clientId() {
        return identity.clientId();
    }

    @Override
    public void videoFrame(byte[] frame, boolean keyFrame) {
        OutboundQueue.VideoOffer offer;
        synchronized (this) {
            if (!welcomed || state != State.OPEN) {
                return;
            }
            offer = outbound.offerVideo(frame, keyFrame);
            if (offer == OutboundQueue.VideoOffer.QUEUED) {
                services.metrics().sent(frame);
            }
        }
        if (offer != OutboundQueue.VideoOffer.QUEUED) {
            services.metrics().videoFrameDropped();
        }
        if (offer == OutboundQueue.VideoOffer.DROPPED_NEEDS_KEY_FRAME) {
            askKeyFrame();
        }
    }

    @Override
    public void relay(byte[] frame) {
        sendEncoded(frame);
    }

    @Override
    public void videoStatus(VideoState videoState, String message) {
        send(Frame.of(Control.newBuilder().setCommand(VideoStatus.newBuilder().setState(videoState).setCodec(null)
                .setWidth(0).setHeight(0).setFramesPerSecond(0).setMessage(message).build()).build()));
    }

    /** The client lost video frames: the renderer is asked for a key frame, as the client itself would. */
    private void askKeyFrame() {
        Identity who = identity;
        if (who != null && !ending()) {
            services.video().forward(who.sessionId(), who.clientId(), encode(Frame.of(Control.newBuilder()
                    .setCommand(new RequestKeyFrame(null)).build())));
        }
    }

    // ---- endings ----

    /** Refuses the connection (before the Welcome) and closes it. */
    void refuse(RefusalReason reason, String message, Integer retryAfterMillis) {
        synchronized (this) {
            if (state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            state = State.CLOSING;
        }
        services.metrics().refused(reason);
        LOG.info("Refused Livelink connection from {}: {} ({}).", transport.remote(), reason, message);
        byte[] frame = encode(Frame.of(Refusal.newBuilder().setReason(reason).setMessage(message)
                .setMinProtocolVersion(LivelinkSchemas.MIN_PROTOCOL_VERSION)
                .setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION).setRetryAfterMillis(retryAfterMillis).build()));
        finish(frame, false, CloseCodes.forRefusal(reason), reason.name());
    }

    /** The bridge is stopping: the client should reconnect to any bridge and resume. */
    public void shutDown() {
        disconnect(DisconnectReason.SERVER_SHUTDOWN, "the bridge is stopping; reconnect to any bridge and resume",
                RECONNECT_SOON_MILLIS);
    }

    /** Ends a welcomed connection with a Disconnect and closes it. */
    void disconnect(DisconnectReason reason, String message, Integer retryAfterMillis) {
        boolean beforeWelcome;
        synchronized (this) {
            if (state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            beforeWelcome = !welcomed;
            if (!beforeWelcome) {
                state = State.CLOSING;
            }
        }
        if (beforeWelcome) {
            // Before the Welcome, a client understands only a Refusal.
            refuseInstead(reason, message, retryAfterMillis);
            return;
        }
        services.metrics().disconnected(reason);
        Identity who = identity;
        LOG.info("Disconnecting client {} of session {} ({}): {} ({}).", who.clientId(), who.sessionId(),
                transport.remote(), reason, message);
        byte[] frame = encode(Frame.of(Control.newBuilder().setCommand(Disconnect.newBuilder().setReason(reason)
                .setMessage(message).setRetryAfterMillis(retryAfterMillis).build()).build()));
        finish(frame, reason == DisconnectReason.SLOW_CONSUMER, CloseCodes.forDisconnect(reason), reason.name());
    }

    /** The checks of every frame after the Welcome: the token's expiry and the client's standing in the session. */
    boolean authorised() {
        return stillStanding(Standing.check(services, identity));
    }

    /**
     * The sweeper's check of an open connection: its token's expiry (from the instant cached at the Welcome), its
     * standing in the session (a change disconnects it) and the members that left (the client is told). Standing and
     * members are looked at again only when the session's record or what the client was told of presence changed
     * since the last sweep.
     *
     * @param members the session's members as this sweep indexed them
     */
    void sweep(SessionMembers members) {
        Identity who = identity;
        synchronized (this) {
            if (state != State.OPEN || members.record() != null && members.record() == sweptRecord
                    && presence.version() == sweptPresence && services.clock().instant().isBefore(who.expiresAt())) {
                return;
            }
        }
        if (!services.clock().instant().isBefore(who.expiresAt())) {
            expire(who);
            return;
        }
        if (!stillStanding(Standing.membership(who, members.membership(who.clientId())))) {
            return;
        }
        List<byte[]> leftFrames = new ArrayList<>();
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            for (Presence left : presence.leftSince(who, members.clientIds())) {
                leftFrames.add(encode(left));
            }
            sweptRecord = members.record();
            sweptPresence = presence.version();
        }
        for (byte[] frame : leftFrames) {
            sendEncoded(frame);
        }
    }

    /** The connection's identity (null before the Hello was admitted). */
    Identity identity() {
        return identity;
    }

    /** The version the connection's events start after (Welcome.startVersion). */
    long startVersion() {
        return startVersion;
    }

    /** The connection's state. */
    synchronized State state() {
        return state;
    }

    // ---- internals ----

    private void onFirstFrame(ByteBuffer data, int size) {
        Frame frame;
        try {
            frame = services.codec().decode(data, Direction.CLIENT_TO_SERVER);
        } catch (FrameException e) {
            services.metrics().receivedBytes(size);
            refuse(RefusalReason.PROTOCOL_ERROR, "the first frame must be a valid hello: " + e.getMessage(), null);
            return;
        }
        services.metrics().received(frame.channel(), size);
        if (frame.channel() != Channel.HELLO) {
            refuse(RefusalReason.PROTOCOL_ERROR, "the first frame must be a hello, not " + frame.channel()
                    .channelName(), null);
            return;
        }
        synchronized (this) {
            if (state != State.AWAITING_HELLO) {
                return;
            }
            state = State.HANDSHAKING;
        }
        try {
            services.handshakes().execute(new HandshakeTask(this, frame.payload(Hello.class), sessionParameter,
                    services));
        } catch (RejectedExecutionException e) {
            refuse(RefusalReason.UNAVAILABLE, "the bridge is busy with other handshakes", RECONNECT_SOON_MILLIS);
        }
    }

    private void onLaterFrame(ByteBuffer data, int size) {
        boolean withinRate;
        synchronized (frames) {
            withinRate = frames.tryTake(System.nanoTime());
        }
        if (!withinRate) {
            services.metrics().receivedBytes(size);
            disconnect(DisconnectReason.RATE_LIMITED, "more than " + services.settings().limits().framesPerSecond()
                    + " frames per second", null);
            return;
        }
        Frame frame;
        try {
            frame = services.codec().decode(data, Direction.CLIENT_TO_SERVER);
        } catch (FrameException e) {
            services.metrics().receivedBytes(size);
            disconnect(e.reason().disconnectReason(), e.getMessage(), null);
            return;
        }
        services.metrics().received(frame.channel(), size);
        if (frame.channel() == Channel.HELLO) {
            protocolError("a second hello on one connection");
            return;
        }
        boolean tooManyEarly = false;
        synchronized (this) {
            if (state == State.HANDSHAKING) {
                if (held.size() < MAX_HELD_FRAMES && heldBytes + size <= maxHeldBytes) {
                    held.add(frame);
                    heldBytes += size;
                    return;
                }
                tooManyEarly = true;
            } else if (state != State.OPEN) {
                return;
            }
        }
        if (tooManyEarly) {
            protocolError("more than " + MAX_HELD_FRAMES + " frames or " + maxHeldBytes + " bytes before the"
                    + " welcome");
            return;
        }
        if (authorised()) {
            clientFrames.handle(frame);
        }
    }

    /** A protocol error: refused before the Welcome, disconnected after. */
    void protocolError(String message) {
        disconnect(DisconnectReason.PROTOCOL_ERROR, message, null);
    }

    private void refuseInstead(DisconnectReason reason, String message, Integer retryAfterMillis) {
        RefusalReason refusal = switch (reason) {
            case TOKEN_EXPIRED -> RefusalReason.TOKEN_EXPIRED;
            case SESSION_ENDED, EVICTED -> RefusalReason.UNKNOWN_SESSION;
            case SERVER_SHUTDOWN, SLOW_CONSUMER -> RefusalReason.UNAVAILABLE;
            default -> RefusalReason.PROTOCOL_ERROR;
        };
        refuse(refusal, message, retryAfterMillis);
    }

    private void finish(byte[] lastFrame, boolean dropQueued, int closeCode, String closeReason) {
        services.metrics().sent(lastFrame);
        outbound.finish(lastFrame, dropQueued, () -> transport.close(closeCode, closeReason));
        services.timers().schedule(() -> {
            if (state() != State.CLOSED) {
                // The client does not read its socket: drop it without waiting for a close handshake.
                transport.abort();
            }
        }, FORCED_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        cleanUp();
    }

    private void expire(Identity who) {
        disconnect(DisconnectReason.TOKEN_EXPIRED, "the token expired at " + who.expiresAt()
                + "; join again through REST for a new one", 0);
    }

    private void socketBroken(Throwable cause) {
        LOG.debug("Sending to {} failed: {}", transport.remote(), cause.toString());
        transport.abort();
        onSocketClosed();
    }

    private void tooSlow() {
        // Not on the caller's thread: it may be the feed's, inside a scene window's lock.
        services.timers().execute(() -> disconnect(DisconnectReason.SLOW_CONSUMER, "the client did not read its"
                + " frames fast enough (more than " + services.settings().limits().outboundQueueFrames()
                + " frames or " + services.settings().limits().outboundQueueBytes() + " bytes waiting)",
                RECONNECT_SOON_MILLIS));
    }

    private void heartbeat() {
        long silentNanos = System.nanoTime() - lastInboundNanos;
        if (silentNanos > services.settings().heartbeatTimeout().toNanos()) {
            disconnect(DisconnectReason.IDLE, "nothing received for " + Duration.ofNanos(silentNanos).toMillis()
                    + " ms", RECONNECT_SOON_MILLIS);
            return;
        }
        boolean slow;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            Heartbeat ping = Heartbeat.newBuilder().setKind(HeartbeatKind.PING).setSequence(++pingSequence)
                    .setPingSentMicros(System.nanoTime() / 1_000).setSentAt(services.clock().instant())
                    .setSceneVersion(lastEventVersion >= 0 ? lastEventVersion : null).build();
            slow = !queue(encode(Frame.of(ping)));
        }
        if (slow) {
            tooSlow();
        }
    }

    /** Queues presence frames an event of the session causes; under the lock. */
    private boolean queuePresence(EventEntry entry) {
        ConnectionPresence.Changes changes;
        try {
            changes = presence.changes(identity, entry);
        } catch (FrameException e) {
            // The event was forwarded as committed (its bytes are not validated on the way); presence needs it
            // decoded. A client gets the same failure decoding it; presence skips it.
            LOG.error("Cannot read the event of version {} of scene {} for presence: {}", entry.version(),
                    identity.sceneId(), e.getMessage());
            return true;
        }
        if (changes.selfRemoved() && state == State.OPEN) {
            // This connection is alive, so the client is still here: its entity comes back.
            services.timers().execute(this::createPresence);
        }
        for (Presence change : changes.frames()) {
            if (!queue(encode(change))) {
                return false;
            }
        }
        return true;
    }

    /** The PRESENT frames at the Welcome. */
    synchronized List<Presence> presentFrames(List<EntityState> overlay) {
        return presence.present(identity, overlay);
    }

    private void createPresence() {
        if (state() == State.OPEN) {
            presence.create(identity);
        }
    }

    private boolean stillStanding(Optional<Standing.Ending> ending) {
        ending.ifPresent(end -> disconnect(end.reason(), end.message(), end.retryAfterMillis()));
        return ending.isEmpty();
    }

    private void cleanUp() {
        SceneWindow held;
        boolean wasWelcomed;
        synchronized (this) {
            if (cleanedUp) {
                return;
            }
            cleanedUp = true;
            timers.forEach(timer -> timer.cancel(false));
            timers.clear();
            held = window;
            window = null;
            wasWelcomed = welcomed;
        }
        Identity who = identity;
        if (who != null) {
            services.connections().remove(this);
        }
        if (held != null) {
            held.release(this);
        }
        if (wasWelcomed && !who.headless()) {
            services.video().leave(who.sessionId(), this);
        }
        if (wasWelcomed && !services.connections().hasOther(this)) {
            presence.delete(who);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> timer = services.timers().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (cleanedUp) {
                timer.cancel(false);
                return;
            }
            timers.add(timer);
        }
    }

    private void sendEncoded(byte[] frame) {
        boolean slow;
        synchronized (this) {
            if (!welcomed || state == State.CLOSING || state == State.CLOSED) {
                return;
            }
            slow = !queue(frame);
        }
        if (slow) {
            tooSlow();
        }
    }

    /** Queues bytes and counts them; under the lock. */
    private boolean queue(byte[] frame) {
        if (!outbound.offer(frame)) {
            return false;
        }
        services.metrics().sent(frame);
        return true;
    }

    private byte[] encode(Frame frame) {
        return services.codec().encode(frame);
    }

    private byte[] encode(Presence presenceFrame) {
        return encode(Frame.of(presenceFrame));
    }
}
