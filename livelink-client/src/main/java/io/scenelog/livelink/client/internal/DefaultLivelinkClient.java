package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.PickHit;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.Welcome;
import io.scenelog.livelink.client.ClientClosure;
import io.scenelog.livelink.client.ClientOptions;
import io.scenelog.livelink.client.EntitySnapshot;
import io.scenelog.livelink.client.LivelinkClient;
import io.scenelog.livelink.client.LivelinkClosedException;
import io.scenelog.livelink.client.LivelinkConnectionException;
import io.scenelog.livelink.client.LivelinkException;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.model.ActionResult;
import io.scenelog.model.CreateEntity;
import io.scenelog.model.DeleteEntity;
import io.scenelog.model.EntityState;
import io.scenelog.model.RemoveComponents;
import io.scenelog.model.Reparent;
import io.scenelog.model.SceneAction;
import io.scenelog.model.UpdateComponents;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.FrameException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LivelinkClient}: the state that outlives connections (waiting actions and queries, the
 * resume point, the last Welcome) and the reconnect sequence. Each connection is a {@link Link}.
 */
public final class DefaultLivelinkClient implements LivelinkClient, Link.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultLivelinkClient.class);
    private static final Set<Class<?>> OPERATION_TYPES = Set.of(CreateEntity.class, UpdateComponents.class,
            RemoveComponents.class, DeleteEntity.class, Reparent.class);
    private static final Set<DisconnectReason> RESUMABLE = Set.of(DisconnectReason.SLOW_CONSUMER,
            DisconnectReason.IDLE, DisconnectReason.SERVER_SHUTDOWN);

    private final URI url;
    private final String token;
    private final ClientOptions options;
    private final HttpClient http;
    private final FrameCodec codec;
    private final GuardedListener listener;
    private final ActionTracker actions = new ActionTracker();
    private final QueryTracker queries = new QueryTracker();
    private final ResumePoint resume;
    private final VideoState video = new VideoState();
    private final Inbound inbound;
    private final Backoff backoff;
    private final CompletableFuture<ClientClosure> closed = new CompletableFuture<>();
    private final Object lifecycle = new Object();
    private volatile Link current;
    private volatile Welcome welcome;
    private volatile Disconnect lastDisconnect;
    private volatile boolean closing;
    private volatile boolean finished;
    private boolean everWelcomed;
    private long reconnectDeadlineNanos;
    private ScheduledFuture<?> pendingReconnect;

    private DefaultLivelinkClient(URI url, String token, ClientOptions options) {
        this.url = url;
        this.token = token;
        this.options = options;
        this.http = options.httpClient() != null ? options.httpClient() : SharedHttp.CLIENT;
        this.codec = Codecs.forLimit(options.maxInboundFrameBytes());
        this.listener = new GuardedListener(options.listener(), this::clientIdOrUnknown);
        this.resume = new ResumePoint(options.resumeFromVersion());
        this.inbound = new Inbound(listener, actions, queries, resume, video,
                disconnect -> lastDisconnect = disconnect);
        this.backoff = new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay());
    }

    /** See {@link LivelinkClient#connect}. */
    public static LivelinkClient connect(URI livelinkUrl, String token, ClientOptions options) {
        Objects.requireNonNull(livelinkUrl, "livelinkUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(options, "options");
        if (!"ws".equals(livelinkUrl.getScheme()) && !"wss".equals(livelinkUrl.getScheme())) {
            throw new IllegalArgumentException("A Livelink URL is ws:// or wss://, not " + livelinkUrl);
        }
        DefaultLivelinkClient client = new DefaultLivelinkClient(livelinkUrl, token, options);
        CompletableFuture<Link> first = client.attach(options.resumeFromVersion());
        try {
            first.get();
            return client;
        } catch (ExecutionException e) {
            Throwable cause = Connection.unwrap(e);
            if (cause instanceof LivelinkException livelink) {
                throw livelink;
            }
            throw new LivelinkConnectionException("Connecting to the Livelink bridge at " + livelinkUrl
                    + " failed: " + cause, -1, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new LivelinkConnectionException("Interrupted while connecting to the Livelink bridge at "
                    + livelinkUrl, -1, e);
        }
    }

    @Override
    public Welcome welcome() {
        return welcome;
    }

    @Override
    public CompletableFuture<ActionResult> act(boolean persist, List<?> operations) {
        Objects.requireNonNull(operations, "operations");
        for (Object operation : operations) {
            if (operation == null || !OPERATION_TYPES.contains(operation.getClass())) {
                throw new IllegalArgumentException("An operation is a CreateEntity, UpdateComponents, "
                        + "RemoveComponents, DeleteEntity or Reparent, not " + operation);
            }
        }
        ensureOpen("an action");
        Welcome w = welcome;
        SceneAction action = SceneAction.newBuilder()
                .setActionId(UUID.randomUUID())
                .setSceneId(w.getSceneId())
                .setSessionId(w.getSessionId())
                .setClientId(w.getClientId())
                .setToken("")
                .setClientSeq(actions.nextClientSeq())
                .setSentAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPersist(persist)
                .setOperations(new ArrayList<>(operations))
                .build();
        return send(action);
    }

    @Override
    public CompletableFuture<ActionResult> send(SceneAction action) {
        Objects.requireNonNull(action, "action");
        ensureOpen("action " + action.getActionId());
        byte[] message = encodeForBridge(Frame.of(action), "action " + action.getActionId());
        CompletableFuture<ActionResult> result = actions.track(action);
        if (finished) {
            actions.abandon(action.getActionId(), closedFailure("action " + action.getActionId()));
            return result;
        }
        Link link = current;
        if (link != null) {
            // A failed send means a lost connection: the action stays tracked and is resent after a
            // reconnect, or fails when the client closes.
            link.send(message);
        }
        return result;
    }

    @Override
    public CompletableFuture<EntitySnapshot> queryEntities(List<UUID> entityIds) {
        Objects.requireNonNull(entityIds, "entityIds");
        EntityStateQuery question = EntityStateQuery.newBuilder().setEntityIds(new ArrayList<>(entityIds)).build();
        return ask(question).thenApply(parts -> {
            List<EntityState> entities = new ArrayList<>();
            parts.forEach(part -> entities.addAll(part.getEntities()));
            return new EntitySnapshot(parts.get(0).getSceneVersion(), entities);
        });
    }

    @Override
    public CompletableFuture<Optional<PickHit>> pick(float x, float y) {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("A pick's x and y are fractions of the video's size, from 0 to 1, "
                    + "not (" + x + ", " + y + ")");
        }
        PickQuery question = PickQuery.newBuilder().setX(x).setY(y).build();
        return ask(question).thenApply(parts -> Optional.ofNullable(parts.get(parts.size() - 1).getPick()));
    }

    @Override
    public CompletableFuture<Void> configureVideo(VideoSettings settings) {
        ensureVideoClient("ask for video");
        if (settings != null) {
            checkVideoSettings(settings);
        }
        ensureOpen("a Configure");
        // Kept before sending, so that a reconnect that welcomes meanwhile repeats it (at worst twice: each
        // Configure replaces the previous one as a whole).
        video.want(settings == null ? null : VideoSettings.newBuilder(settings).build());
        byte[] message = encodeForBridge(Frame.of(new Configure(settings)), "a Configure");
        Link link = current;
        return link == null ? CompletableFuture.completedFuture(null) : link.send(message);
    }

    @Override
    public CompletableFuture<Void> requestKeyFrame() {
        ensureVideoClient("ask for a key frame");
        ensureOpen("a key-frame request");
        return sendFrame(Frame.of(new Control(new RequestKeyFrame(video.lastFrameNumber()))));
    }

    @Override
    public Optional<VideoSettings> videoSettings() {
        return video.wanted();
    }

    @Override
    public Optional<VideoStatus> videoStatus() {
        return video.status();
    }

    @Override
    public CompletableFuture<Void> sendFrame(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        return sendRaw(codec.encode(frame));
    }

    @Override
    public CompletableFuture<Void> sendRaw(byte[] message) {
        Objects.requireNonNull(message, "message");
        Link link = current;
        if (link == null) {
            return CompletableFuture.failedFuture(new LivelinkConnectionException("The Livelink client "
                    + clientIdOrUnknown() + " has no open connection to " + url + " now", -1, null));
        }
        return link.send(message);
    }

    @Override
    public OptionalLong lastVersion() {
        return resume.current();
    }

    @Override
    public boolean isConnected() {
        return current != null;
    }

    @Override
    public int waitingActions() {
        return actions.waiting();
    }

    @Override
    public Optional<Disconnect> disconnectReason() {
        return Optional.ofNullable(lastDisconnect);
    }

    @Override
    public CompletableFuture<ClientClosure> closed() {
        return closed;
    }

    @Override
    public void close() {
        Link link;
        synchronized (lifecycle) {
            if (!closing) {
                closing = true;
                if (pendingReconnect != null) {
                    pendingReconnect.cancel(false);
                }
            }
            link = current;
        }
        if (link != null) {
            link.close(options.closeTimeout());
        } else {
            finish(new ClientClosure(clientIdOrUnknown(), true, null, "closed by the program", null));
        }
        try {
            closed.get(options.closeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            finish(new ClientClosure(clientIdOrUnknown(), true, null, "closed by the program", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Link.Owner: what the connections report, on their receiving threads ----

    @Override
    public void onWelcome(Link link, Welcome received) {
        boolean reconnect;
        synchronized (lifecycle) {
            reconnect = everWelcomed;
            everWelcomed = true;
            if (received.getResume() != ResumeOutcome.RESUMED) {
                // FRESH or RESET: versions from before mean nothing to this bridge; an unknown outcome
                // counts as RESET.
                resume.forget();
            }
            welcome = received;
            video.connectionChanged();
            if (closing) {
                link.close(options.closeTimeout());
                return;
            }
            current = link;
            backoff.reset();
        }
        if (reconnect) {
            resendWaiting(link);
        }
        listener.onWelcome(received, reconnect);
    }

    @Override
    public void onFrame(Link link, Frame frame) {
        inbound.route(link, frame);
    }

    @Override
    public OptionalLong versionForHeartbeat() {
        return resume.current();
    }

    @Override
    public void onLost(Link link, Connection.Ending ending, Disconnect disconnect) {
        boolean reconnect;
        ClientClosure cause = new ClientClosure(clientIdOrUnknown(), closing,
                disconnect == null ? null : disconnect.getReason(),
                disconnect != null && !disconnect.getMessage().isEmpty() ? disconnect.getMessage() : ending.describe(),
                ending.error());
        synchronized (lifecycle) {
            if (current != link) {
                return;
            }
            current = null;
            reconnect = !closing && options.autoReconnect() && resumable(disconnect, ending);
            if (reconnect) {
                reconnectDeadlineNanos = System.nanoTime() + options.reconnectGiveUpAfter().toNanos();
                scheduleReconnect(disconnect == null ? null : disconnect.getRetryAfterMillis());
            }
        }
        if (reconnect) {
            LOG.info("Livelink client {} lost its connection to {} ({}); reconnecting.", clientIdOrUnknown(), url,
                    cause.describe());
            listener.onConnectionLost(cause);
        } else {
            finish(cause);
        }
    }

    // ---- internals ----

    private CompletableFuture<Link> attach(Long resumeFromVersion) {
        return Link.open(this, http, url, token, options, codec, resumeFromVersion);
    }

    private void scheduleReconnect(Integer retryAfterMillis) {
        pendingReconnect = Scheduling.after(backoff.next(retryAfterMillis), this::reconnect);
    }

    private void reconnect() {
        if (closing) {
            return;
        }
        OptionalLong from = resume.current();
        attach(from.isPresent() ? from.getAsLong() : null).whenComplete((link, failure) -> {
            if (failure == null) {
                if (!closing) {
                    LOG.info("Livelink client {} reconnected to {} ({}).", clientIdOrUnknown(), url,
                            link.welcome().getResume());
                }
                return;
            }
            Throwable cause = Connection.unwrap(failure);
            synchronized (lifecycle) {
                boolean retryable = cause instanceof LivelinkException livelink && livelink.retryable();
                if (!closing && retryable && System.nanoTime() < reconnectDeadlineNanos) {
                    Integer retryAfter = cause instanceof io.scenelog.livelink.client.LivelinkRefusedException refused
                            ? refused.retryAfterMillis().orElse(null) : null;
                    LOG.info("Livelink client {} could not reconnect to {} yet: {}", clientIdOrUnknown(), url,
                            cause.getMessage());
                    scheduleReconnect(retryAfter);
                    return;
                }
            }
            finish(new ClientClosure(clientIdOrUnknown(), closing, null, closing ? "closed by the program"
                    : "could not reconnect: " + cause.getMessage(), closing ? null : cause));
        });
    }

    private void resendWaiting(Link link) {
        for (SceneAction action : actions.unanswered()) {
            link.send(codec.encode(Frame.of(action)));
        }
        for (Query query : queries.restart()) {
            link.send(Frame.of(query));
        }
        // A new connection starts without video: ask again for what the program asked for last.
        video.configureToRepeat().ifPresent(configure -> link.send(codec.encode(Frame.of(configure))));
    }

    private void ensureVideoClient(String what) {
        if (options.headless()) {
            throw new IllegalStateException("The headless Livelink client " + clientIdOrUnknown() + " cannot "
                    + what + ": connect with ClientOptions.withVideo(false, codecs) to receive video");
        }
    }

    private static void checkVideoSettings(VideoSettings settings) {
        if (settings.getWidth() <= 0 || settings.getHeight() <= 0) {
            throw new IllegalArgumentException("A video's width and height must be greater than 0, were "
                    + settings.getWidth() + "x" + settings.getHeight());
        }
        if (settings.getMaxFramesPerSecond() <= 0) {
            throw new IllegalArgumentException("A video's maxFramesPerSecond must be greater than 0, was "
                    + settings.getMaxFramesPerSecond());
        }
        if (settings.getCodecs() == null || settings.getCodecs().isEmpty()) {
            throw new IllegalArgumentException("A video needs at least one codec (e.g. avc1.42E01F or vp8)");
        }
        Integer bitrate = settings.getMaxBitrateKbps();
        if (bitrate != null && bitrate <= 0) {
            throw new IllegalArgumentException("A video's maxBitrateKbps must be greater than 0 or null, was "
                    + bitrate);
        }
    }

    private CompletableFuture<List<QueryResult>> ask(Object question) {
        ensureOpen("a query");
        Query query = Query.newBuilder().setQueryId(queries.nextQueryId()).setQuery(question).build();
        CompletableFuture<List<QueryResult>> answer = queries.track(query);
        if (finished) {
            queries.abandon(query.getQueryId(), closedFailure("query " + query.getQueryId()));
            return answer;
        }
        Link link = current;
        if (link != null) {
            link.send(Frame.of(query));
        }
        return answer;
    }

    private byte[] encodeForBridge(Frame frame, String what) {
        byte[] message;
        try {
            message = codec.encode(frame);
        } catch (FrameException e) {
            throw new IllegalArgumentException("Cannot send " + what + ": " + e.getMessage(), e);
        }
        int limit = welcome.getLimits().getMaxFrameBytes();
        if (message.length > limit) {
            throw new IllegalArgumentException("Cannot send " + what + ": its frame of " + message.length
                    + " bytes exceeds the bridge's limit of " + limit + " bytes (Welcome.limits.maxFrameBytes)");
        }
        return message;
    }

    private void ensureOpen(String what) {
        if (closing || finished) {
            throw closedFailure(what);
        }
    }

    private LivelinkClosedException closedFailure(String what) {
        ClientClosure closure = closed.getNow(null);
        if (closure == null) {
            closure = new ClientClosure(clientIdOrUnknown(), true, null, "closing", null);
        }
        return new LivelinkClosedException(what, closure);
    }

    private void finish(ClientClosure closure) {
        synchronized (lifecycle) {
            if (finished) {
                return;
            }
            finished = true;
        }
        actions.failAll(a -> new LivelinkClosedException("action " + a.getActionId() + " (clientSeq "
                + a.getClientSeq() + ")", closure));
        queries.failAll(q -> new LivelinkClosedException("query " + q.getQueryId(), closure));
        if (!closure.requested()) {
            LOG.info("Livelink client {} closed: {}.", closure.clientId(), closure.describe());
        }
        listener.onClosed(closure);
        closed.complete(closure);
    }

    private static boolean resumable(Disconnect disconnect, Connection.Ending ending) {
        if (disconnect != null) {
            return RESUMABLE.contains(disconnect.getReason());
        }
        return !(ending.error() instanceof LivelinkProtocolException);
    }

    private String clientIdOrUnknown() {
        Welcome w = welcome;
        return w == null ? "(not yet welcomed)" : w.getClientId();
    }

    /** The HTTP client shared by clients that bring none; created on first use. */
    private static final class SharedHttp {
        static final HttpClient CLIENT = HttpClient.newHttpClient();
    }
}
