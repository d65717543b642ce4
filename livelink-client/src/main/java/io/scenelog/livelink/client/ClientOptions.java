package io.scenelog.livelink.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LivelinkClient} connects and behaves; immutable. Start from {@link #defaults()} and change
 * what you need with the {@code with...} methods:
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.defaults()
 *         .withDisplayName("robot-7")
 *         .withAutoReconnect(true)
 *         .withListener(myListener);
 * }</pre>
 *
 * @param displayName how other clients see this one in presence; empty to show the client id
 * @param headless true (the default) for a client without video
 * @param videoCodecs the WebCodecs codec strings the client decodes, preferred first; empty when headless
 * @param resumeFromVersion the scene version to resume from on the first connection, or null for a fresh
 *     start (later reconnects resume from {@link LivelinkClient#lastVersion()} by themselves)
 * @param origin the Origin header of the WebSocket upgrade (as a browser on that origin would send), or
 *     null for none
 * @param connectTimeout how long the WebSocket upgrade may take
 * @param welcomeTimeout how long the Welcome (or Refusal) may take after the Hello was sent
 * @param sendHeartbeats whether the client pings every {@code Welcome.heartbeatIntervalMillis} (it always
 *     answers the bridge's pings); turn off only to test the bridge's idle timeout
 * @param autoReconnect whether the client reconnects and resumes after a lost connection or a Disconnect
 *     that allows it (SLOW_CONSUMER, IDLE, SERVER_SHUTDOWN), resending the actions without a result
 * @param reconnectInitialDelay the first reconnect's delay; doubled per failed attempt, with jitter, never
 *     less than the bridge's retryAfterMillis
 * @param reconnectMaxDelay the longest delay between reconnect attempts
 * @param reconnectGiveUpAfter how long the client keeps trying to reconnect before it closes
 * @param closeTimeout how long {@link LivelinkClient#close()} waits for the bridge to acknowledge the close
 * @param maxInboundFrameBytes the largest frame the client accepts from the bridge; a larger one ends the
 *     connection as a protocol error
 * @param listener receives what the bridge sends
 * @param httpClient the HTTP client that opens WebSockets, or null for one shared by every client of this
 *     process
 * @param clientSoftware the client program's name and version, for the bridge's logs
 */
public record ClientOptions(String displayName, boolean headless, List<String> videoCodecs, Long resumeFromVersion,
        String origin, Duration connectTimeout, Duration welcomeTimeout, boolean sendHeartbeats,
        boolean autoReconnect, Duration reconnectInitialDelay, Duration reconnectMaxDelay,
        Duration reconnectGiveUpAfter, Duration closeTimeout, int maxInboundFrameBytes, LivelinkListener listener,
        HttpClient httpClient, String clientSoftware) {

    /** The smallest {@link #maxInboundFrameBytes()}: a Welcome must fit. */
    public static final int MIN_INBOUND_FRAME_BYTES = 4096;

    /** Checks every value; a bad one fails with its name and the fix. */
    public ClientOptions {
        Objects.requireNonNull(displayName, "displayName (use \"\" for none)");
        videoCodecs = List.copyOf(Objects.requireNonNull(videoCodecs, "videoCodecs (use an empty list)"));
        if (resumeFromVersion != null && resumeFromVersion < 0) {
            throw new IllegalArgumentException("resumeFromVersion must be 0 or more, was " + resumeFromVersion);
        }
        positive(connectTimeout, "connectTimeout");
        positive(welcomeTimeout, "welcomeTimeout");
        positive(reconnectInitialDelay, "reconnectInitialDelay");
        positive(reconnectMaxDelay, "reconnectMaxDelay");
        positive(reconnectGiveUpAfter, "reconnectGiveUpAfter");
        positive(closeTimeout, "closeTimeout");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay (" + reconnectMaxDelay
                    + ") must not be less than reconnectInitialDelay (" + reconnectInitialDelay + ")");
        }
        if (maxInboundFrameBytes < MIN_INBOUND_FRAME_BYTES) {
            throw new IllegalArgumentException("maxInboundFrameBytes must be at least " + MIN_INBOUND_FRAME_BYTES
                    + ", was " + maxInboundFrameBytes);
        }
        Objects.requireNonNull(listener, "listener (use LivelinkListener.NONE)");
        Objects.requireNonNull(clientSoftware, "clientSoftware");
    }

    /**
     * Headless, no display name, fresh start, no Origin, 10 s to connect and 10 s for the Welcome,
     * heartbeats on, no automatic reconnect (0.2 s doubling to 5 s, for 60 s, when turned on), 5 s to
     * close, frames from the bridge up to 16 MiB, no listener, the shared HTTP client.
     */
    public static ClientOptions defaults() {
        return new ClientOptions("", true, List.of(), null, null, Duration.ofSeconds(10), Duration.ofSeconds(10),
                true, false, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(5), 16 << 20, LivelinkListener.NONE, null, "scenelog-livelink-client/0.1");
    }

    /** The Origin header, when one is set. */
    public Optional<String> originHeader() {
        return Optional.ofNullable(origin);
    }

    /** With {@link #displayName()}. */
    public ClientOptions withDisplayName(String value) {
        return new ClientOptions(value, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #headless()} and {@link #videoCodecs()} (empty for a headless client). */
    public ClientOptions withVideo(boolean headlessClient, List<String> codecs) {
        return new ClientOptions(displayName, headlessClient, codecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #resumeFromVersion()} (null for a fresh start). */
    public ClientOptions withResumeFromVersion(Long value) {
        return new ClientOptions(displayName, headless, videoCodecs, value, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #origin()} (null for no Origin header). */
    public ClientOptions withOrigin(String value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, value, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #connectTimeout()} and {@link #welcomeTimeout()}. */
    public ClientOptions withTimeouts(Duration connect, Duration welcome) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connect,
                welcome, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #sendHeartbeats()}. */
    public ClientOptions withSendHeartbeats(boolean value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, value, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #autoReconnect()}. */
    public ClientOptions withAutoReconnect(boolean value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, value, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With the reconnect backoff: first delay, longest delay, and how long to keep trying. */
    public ClientOptions withReconnectBackoff(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, initialDelay, maxDelay, giveUpAfter, closeTimeout,
                maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #closeTimeout()}. */
    public ClientOptions withCloseTimeout(Duration value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, value, maxInboundFrameBytes, listener, httpClient, clientSoftware);
    }

    /** With {@link #maxInboundFrameBytes()}. */
    public ClientOptions withMaxInboundFrameBytes(int value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, value, listener, httpClient, clientSoftware);
    }

    /** With {@link #listener()}. */
    public ClientOptions withListener(LivelinkListener value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, value, httpClient, clientSoftware);
    }

    /** With {@link #httpClient()} (null for the shared one). */
    public ClientOptions withHttpClient(HttpClient value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, value, clientSoftware);
    }

    /** With {@link #clientSoftware()}. */
    public ClientOptions withClientSoftware(String value) {
        return new ClientOptions(displayName, headless, videoCodecs, resumeFromVersion, origin, connectTimeout,
                welcomeTimeout, sendHeartbeats, autoReconnect, reconnectInitialDelay, reconnectMaxDelay,
                reconnectGiveUpAfter, closeTimeout, maxInboundFrameBytes, listener, httpClient, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
