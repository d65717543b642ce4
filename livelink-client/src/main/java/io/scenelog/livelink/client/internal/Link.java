package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.Welcome;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.LivelinkConnectionException;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.livelink.client.LivelinkRefusedException;
import io.scenelog.livelink.client.LivelinkTimeoutException;
import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection of a client, from the Hello to its end: sends the Hello, waits for the Welcome (or a
 * Refusal, or the welcome timeout), then answers the bridge's pings, pings the bridge every
 * heartbeatIntervalMillis and drops the connection when the bridge was silent for heartbeatTimeoutMillis.
 * Every other frame after the Welcome goes to its {@link Owner}, the client, which outlives its links.
 */
final class Link implements Connection.Handler {

    /** The client a link works for. Calls come on the link's receiving thread, in frame order. */
    interface Owner {
        /** The Welcome arrived; called before any later frame of this link. */
        void onWelcome(Link link, Welcome welcome);

        /** A frame after the Welcome (heartbeats included, after the link answered a PING). */
        void onFrame(Link link, Frame frame);

        /** The version to report in heartbeats, if known. */
        OptionalLong versionForHeartbeat();

        /**
         * A welcomed link ended.
         *
         * @param disconnect the bridge's Disconnect before the end, or null
         */
        void onLost(Link link, Connection.Ending ending, Disconnect disconnect);
    }

    private final Owner owner;
    private final URI url;
    private final ClientOptions options;
    private final CompletableFuture<Link> welcomed = new CompletableFuture<>();
    private final AtomicLong pingSequence = new AtomicLong();
    private volatile Connection connection;
    private volatile Welcome welcome;
    private volatile Disconnect disconnect;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile long lastRoundTripMicros = -1;

    private Link(Owner owner, URI url, ClientOptions options) {
        this.owner = owner;
        this.url = url;
        this.options = options;
    }

    /**
     * Opens a connection and performs the handshake.
     *
     * @param resumeFromVersion the Hello's resumeFromVersion, or null
     * @return completes with the welcomed link (the owner heard {@link Owner#onWelcome} before); fails with
     *     {@link LivelinkRefusedException}, {@link LivelinkTimeoutException}, {@link
     *     LivelinkConnectionException} or {@link LivelinkProtocolException}
     */
    static CompletableFuture<Link> open(Owner owner, HttpClient http, URI url, String token, ClientOptions options,
            FrameCodec codec, Long resumeFromVersion) {
        Link link = new Link(owner, url, options);
        Connection.open(http, url, options.origin(), options.connectTimeout(), codec, options.maxInboundFrameBytes(),
                link).whenComplete((connection, failure) -> {
                    if (failure != null) {
                        link.welcomed.completeExceptionally(Connection.unwrap(failure));
                        return;
                    }
                    link.connection = connection;
                    if (link.welcomed.isDone()) {
                        // Closed while the WebSocket opened: nobody wants this connection any more.
                        connection.abort(null);
                        return;
                    }
                    link.sendHello(token, resumeFromVersion);
                });
        return link.welcomed;
    }

    /** The Welcome of this link, or null before it. */
    Welcome welcome() {
        return welcome;
    }

    /** The last measured heartbeat round trip in microseconds, or -1 before the first PONG. */
    long lastRoundTripMicros() {
        return lastRoundTripMicros;
    }

    /** Sends a message on this link. */
    CompletableFuture<Void> send(byte[] message) {
        return connection.send(message);
    }

    /** Sends a frame on this link. */
    CompletableFuture<Void> send(Frame frame) {
        return connection.send(frame);
    }

    /** Closes the link politely; completes when it ended. */
    CompletableFuture<Connection.Ending> close(Duration timeout) {
        Connection current = connection;
        if (current == null) {
            welcomed.cancel(false);
            return CompletableFuture.completedFuture(new Connection.Ending(-1, "", null));
        }
        return current.close(timeout);
    }

    /** Drops the link at once. */
    void abort(Throwable error) {
        Connection current = connection;
        if (current != null) {
            current.abort(error);
        }
    }

    @Override
    public void onFrame(Connection from, Frame frame) {
        if (welcome == null) {
            handshake(from, frame);
            return;
        }
        switch (frame.channel()) {
            case HEARTBEAT -> {
                // The owner notes the heartbeat's version first, so the PONG already reports it.
                owner.onFrame(this, frame);
                heartbeat(from, frame.payload(Heartbeat.class));
                return;
            }
            case CONTROL -> {
                if (frame.payload(Control.class).getCommand() instanceof Disconnect d) {
                    disconnect = d;
                }
            }
            case WELCOME, REFUSAL -> {
                from.abort(new LivelinkProtocolException("The bridge at " + url + " sent a "
                        + frame.channel().channelName() + " frame after the Welcome", null));
                return;
            }
            default -> {
                // Application frames go to the owner below.
            }
        }
        owner.onFrame(this, frame);
    }

    @Override
    public void onEnded(Connection from, Connection.Ending ending) {
        ScheduledFuture<?> task = heartbeat;
        if (task != null) {
            task.cancel(false);
        }
        if (welcome == null) {
            Throwable error = ending.error() != null ? ending.error()
                    : new LivelinkConnectionException("The Livelink bridge at " + url
                            + " ended the connection before the Welcome: " + ending.describe(), -1, null);
            welcomed.completeExceptionally(error);
            return;
        }
        owner.onLost(this, ending, disconnect);
    }

    private void sendHello(String token, Long resumeFromVersion) {
        Hello hello = Hello.newBuilder()
                .setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .setMinProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION)
                .setToken(token)
                .setHeadless(options.headless())
                .setVideoCodecs(options.videoCodecs())
                .setResumeFromVersion(resumeFromVersion)
                .setDisplayName(options.displayName())
                .setClientSoftware(options.clientSoftware())
                .build();
        connection.send(Frame.of(hello));
        Duration timeout = options.welcomeTimeout();
        Scheduling.after(timeout, () -> {
            if (!welcomed.isDone()) {
                abort(new LivelinkTimeoutException("The Livelink bridge at " + url + " sent no Welcome within "
                        + timeout.toMillis() + " ms of the Hello"));
            }
        });
    }

    private void handshake(Connection from, Frame frame) {
        if (frame.channel() == Channel.REFUSAL) {
            Refusal refusal = frame.payload(Refusal.class);
            LivelinkRefusedException refused = new LivelinkRefusedException(url.toString(), refusal.getReason(),
                    refusal.getMessage(), refusal.getRetryAfterMillis());
            from.abort(refused);
            return;
        }
        if (frame.channel() != Channel.WELCOME) {
            from.abort(new LivelinkProtocolException("The bridge at " + url + " sent a "
                    + frame.channel().channelName() + " frame before the Welcome", null));
            return;
        }
        Welcome received = frame.payload(Welcome.class);
        if (received.getProtocolVersion() != LivelinkSchemas.PROTOCOL_VERSION) {
            from.abort(new LivelinkProtocolException("The bridge at " + url + " agreed on Livelink protocol version "
                    + received.getProtocolVersion() + ", but this client speaks only version "
                    + LivelinkSchemas.PROTOCOL_VERSION, null));
            return;
        }
        welcome = received;
        owner.onWelcome(this, received);
        startHeartbeats(from, received);
        welcomed.complete(this);
    }

    private void startHeartbeats(Connection from, Welcome received) {
        if (received.getHeartbeatIntervalMillis() <= 0) {
            return;
        }
        Duration interval = Duration.ofMillis(received.getHeartbeatIntervalMillis());
        long timeoutNanos = Duration.ofMillis(Math.max(received.getHeartbeatTimeoutMillis(),
                2 * received.getHeartbeatIntervalMillis())).toNanos();
        heartbeat = Scheduling.every(interval, () -> {
            long silentNanos = System.nanoTime() - from.lastReceivedNanos();
            if (silentNanos > timeoutNanos) {
                from.abort(new LivelinkConnectionException("The Livelink bridge at " + url + " sent nothing for "
                        + Duration.ofNanos(silentNanos).toMillis() + " ms (heartbeat timeout "
                        + Duration.ofNanos(timeoutNanos).toMillis() + " ms)", -1, null));
            } else if (options.sendHeartbeats()) {
                from.send(Frame.of(heartbeat(HeartbeatKind.PING, pingSequence.incrementAndGet(),
                        System.nanoTime() / 1000)));
            }
        });
    }

    private void heartbeat(Connection from, Heartbeat received) {
        if (received.getKind() == HeartbeatKind.PING) {
            from.send(Frame.of(heartbeat(HeartbeatKind.PONG, received.getSequence(), received.getPingSentMicros())));
        } else if (received.getKind() == HeartbeatKind.PONG) {
            lastRoundTripMicros = System.nanoTime() / 1000 - received.getPingSentMicros();
        }
    }

    private Heartbeat heartbeat(HeartbeatKind kind, long sequence, long pingSentMicros) {
        OptionalLong version = owner.versionForHeartbeat();
        return Heartbeat.newBuilder()
                .setKind(kind)
                .setSequence(sequence)
                .setPingSentMicros(pingSentMicros)
                .setSentAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSceneVersion(version.isPresent() ? version.getAsLong() : null)
                .build();
    }
}
