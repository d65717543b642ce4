package io.scenelog.livelink.client;

import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.livelink.client.internal.DefaultLivelinkClient;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.livelink.Frame;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A headless Livelink client: one client of one session, connected to a Livelink bridge over a
 * WebSocket (schemas/README.md, "Livelink protocol"). {@link #connect} opens the WebSocket, sends the
 * Hello with the token and returns once the Welcome arrived. The client then answers the bridge's
 * heartbeats, pings it, matches action results and query answers to their requests, tracks the scene
 * version it may resume from, and hands everything else to its {@link LivelinkListener}.
 *
 * <pre>{@code
 * JoinedClient joined = PlatformRest.at(restUrl).join(bearer, sessionId, Role.EDITOR, true);
 * try (LivelinkClient client = LivelinkClient.connect(joined.livelinkUrl(), joined.token(),
 *         ClientOptions.defaults().withListener(listener))) {
 *     EntitySnapshot state = client.queryEntities(List.of()).get();
 *     ActionResult result = client.act(true, List.of(Operations.delete(entityId))).get();
 * }
 * }</pre>
 *
 * <p>Thread-safe: any thread may act, query and close. With {@link ClientOptions#autoReconnect()} the
 * client survives lost connections: it reconnects with {@code resumeFromVersion} = {@link #lastVersion()},
 * resends the actions still without a result (same actionId and clientSeq, answered DUPLICATE with the
 * first outcome) and asks the waiting queries again.
 */
public interface LivelinkClient extends AutoCloseable {

    /**
     * Connects to a bridge and waits for the Welcome.
     *
     * @param livelinkUrl the bridge's URL as answered by the REST join ({@code ws://host:port/livelink?session=...})
     * @param token the client token of the REST join; it travels in the Hello only, never in the URL
     * @param options how to connect and behave
     * @return the connected client
     * @throws LivelinkRefusedException when the bridge answered the Hello with a Refusal
     * @throws LivelinkTimeoutException when the upgrade or the Welcome took too long
     * @throws LivelinkConnectionException when the WebSocket could not be opened or closed before the Welcome
     * @throws LivelinkProtocolException when the bridge answered with something other than Welcome or Refusal
     */
    static LivelinkClient connect(URI livelinkUrl, String token, ClientOptions options) {
        return DefaultLivelinkClient.connect(livelinkUrl, token, options);
    }

    /** The current connection's Welcome (after a reconnect, the newest one). */
    Welcome welcome();

    /** The session's scene. */
    default UUID sceneId() {
        return welcome().getSceneId();
    }

    /** The session. */
    default UUID sessionId() {
        return welcome().getSessionId();
    }

    /** This client's id, the token's subject. */
    default String clientId() {
        return welcome().getClientId();
    }

    /**
     * Sends an action with the given operations: a new actionId, the next clientSeq of this client, the
     * Welcome's scene, session and client, the current time, and an empty token (the bridge stamps the
     * connection's token into it).
     *
     * @param persist true to commit to the persisted scene, false for the session overlay only
     * @param operations {@code CreateEntity}, {@code UpdateComponents}, {@code RemoveComponents},
     *     {@code DeleteEntity} or {@code Reparent} records, applied in order (see {@link Operations})
     * @return completes with the action's result; a DUPLICATE answer to a resent action completes with the
     *     first outcome; fails with {@link LivelinkClosedException} when the client closes first
     * @throws IllegalArgumentException when an operation is of another type, or the action is larger than the
     *     bridge accepts (Welcome.limits.maxFrameBytes); nothing is sent then
     * @throws LivelinkClosedException when the client is closed
     */
    CompletableFuture<ActionResult> act(boolean persist, List<?> operations);

    /**
     * Sends an action exactly as given (for tests of the bridge's checks: another scene, another client
     * id, a token) and waits for the result with its actionId, as {@link #act} does.
     *
     * @throws IllegalArgumentException when an action with that actionId already waits, or it is too large
     * @throws LivelinkClosedException when the client is closed
     */
    CompletableFuture<ActionResult> send(SceneAction action);

    /**
     * Asks the state of entities as the client's session sees them, gathering every part of the answer.
     *
     * @param entityIds the entities wanted; empty for every entity of the scene
     * @return completes with the answer; fails with {@link LivelinkQueryException} when the bridge answered
     *     with a status other than OK
     */
    CompletableFuture<EntitySnapshot> queryEntities(List<UUID> entityIds);

    /**
     * Asks which entity is drawn at a point of the client's video (a PickQuery, answered by the session's
     * renderer from this client's camera).
     *
     * @param x the horizontal position as a fraction of the video's width, 0 (left edge) to 1
     * @param y the vertical position as a fraction of the video's height, 0 (top edge) to 1
     * @return completes with the hit, or empty when nothing was hit; fails with {@link LivelinkQueryException}
     *     UNSUPPORTED for a headless client and UNAVAILABLE while no renderer serves the session
     * @throws IllegalArgumentException when x or y is outside 0 to 1; nothing is sent then
     */
    CompletableFuture<Optional<PickHit>> pick(float x, float y);

    /**
     * Asks for video (a Configure): the session's renderer streams this client's view as {@link
     * io.scenelog.livelink.VideoFrame}s to {@link LivelinkListener#onVideo}, starting with a key frame, and the
     * bridge tells the stream's state in a Control {@link VideoStatus} ({@link LivelinkListener#onControl}, {@link
     * #videoStatus()}). Each call replaces the previous request as a whole; {@code null} stops the video. The
     * client remembers the last request and makes it again after every reconnect (a new connection starts without
     * video), so the stream resumes with a key frame.
     *
     * <pre>{@code
     * client.configureVideo(new VideoSettings(640, 360, 30, List.of("avc1.42E01F", "vp8"), null));
     * }</pre>
     *
     * @param settings the size (device pixels, greater than 0), the most frames per second, the acceptable
     *     codecs preferred first, and an optional bitrate bound; or null for no video
     * @return completes when the Configure was handed to the network (at once while reconnecting: it is sent
     *     after the next Welcome)
     * @throws IllegalStateException when the client is headless ({@link ClientOptions#withVideo})
     * @throws IllegalArgumentException when a setting is out of range; nothing is sent then
     * @throws LivelinkClosedException when the client is closed
     */
    CompletableFuture<Void> configureVideo(VideoSettings settings);

    /** Stops this client's video: {@code configureVideo(null)}. */
    default CompletableFuture<Void> stopVideo() {
        return configureVideo(null);
    }

    /**
     * Asks for a key frame (Control RequestKeyFrame with the last frame number received), e.g. after a gap in the
     * frame numbers or a decoder error; the renderer sends one as soon as it can.
     *
     * @return completes when the request was handed to the network
     * @throws IllegalStateException when the client is headless
     * @throws LivelinkClosedException when the client is closed
     */
    CompletableFuture<Void> requestKeyFrame();

    /** The video this client asks for now (the last {@link #configureVideo} that was not null), if any. */
    Optional<VideoSettings> videoSettings();

    /** The bridge's last VideoStatus on the current connection, if one arrived. */
    Optional<VideoStatus> videoStatus();

    /**
     * Sends any client frame as it is (Configure, Input, a Control RequestKeyFrame, ...). Actions and
     * queries sent this way are not matched to their answers.
     *
     * @return completes when the frame was handed to the network
     */
    CompletableFuture<Void> sendFrame(Frame frame);

    /**
     * Sends bytes as one binary WebSocket message, unchecked: for tests of the bridge's handling of bad
     * input.
     *
     * @return completes when the message was handed to the network
     */
    CompletableFuture<Void> sendRaw(byte[] message);

    /**
     * The scene version this client may resume from: the greatest of the last event's version, the last
     * query answer's sceneVersion and the last bridge heartbeat's sceneVersion; empty before any of them
     * (and after a RESET, until one arrives).
     */
    OptionalLong lastVersion();

    /** Whether a connection is open and welcomed now (false while reconnecting and once closed). */
    boolean isConnected();

    /** How many actions wait for their result. */
    int waitingActions();

    /** The last Disconnect the bridge sent, on any connection of this client. */
    Optional<Disconnect> disconnectReason();

    /** Completes when the client closed for good, saying why. */
    CompletableFuture<ClientClosure> closed();

    /**
     * Closes the connection (WebSocket close 1000) and the client, waiting up to {@link
     * ClientOptions#closeTimeout()} for the bridge to acknowledge. Actions and queries without an answer
     * fail with {@link LivelinkClosedException}. Closing twice does nothing more.
     */
    @Override
    void close();
}
