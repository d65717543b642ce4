package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.BridgeLimits;
import io.scenelog.bridge.internal.query.EntityQueries;
import io.scenelog.bridge.internal.video.VideoRouter;
import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.EntityStateQuery;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.HeartbeatKind;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.RequestKeyFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.model.ActionResult;
import io.scenelog.model.ActionStatus;
import io.scenelog.model.ReasonCode;
import io.scenelog.model.SceneAction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge does with each kind of frame from a welcomed client, once the frame passed the connection's
 * checks: actions are checked and produced, entity queries answered, heartbeats answered; Configure (checked against
 * the video limits), Input, pick queries and key-frame requests go to the session's renderer through the video
 * router. Headless clients have no video: their Configure is answered here and nothing of theirs reaches a renderer.
 */
final class ClientFrames {

    private static final Logger LOG = LoggerFactory.getLogger(ClientFrames.class);

    private final Connection connection;
    private final ConnectionServices services;
    private final TokenBucket actions;

    ClientFrames(Connection connection, ConnectionServices services) {
        this.connection = connection;
        this.services = services;
        BridgeLimits limits = services.settings().limits();
        this.actions = new TokenBucket(limits.actionsPerSecond(), limits.actionBurst(), System.nanoTime());
    }

    /** Handles one frame of a client-to-bridge channel (the codec refused the other direction already). */
    void handle(Frame frame) {
        switch (frame.channel()) {
            case ACTION -> onAction(frame.payload(SceneAction.class));
            case QUERY -> onQuery(frame);
            case HEARTBEAT -> onHeartbeat(frame.payload(Heartbeat.class));
            case CONFIGURE -> onConfigure(frame.payload(Configure.class));
            case INPUT -> onInput(frame);
            case CONTROL -> onControl(frame);
            default -> connection.protocolError("a " + frame.channel().channelName() + " frame from a client");
        }
    }

    private void onAction(SceneAction action) {
        BridgeLimits limits = services.settings().limits();
        boolean allowed;
        synchronized (actions) {
            allowed = actions.tryTake(System.nanoTime());
        }
        if (!allowed) {
            reject(action, ReasonCode.RATE_LIMITED, "more than " + limits.actionsPerSecond()
                    + " actions per second (burst " + limits.actionBurst() + ")");
            return;
        }
        Identity who = connection.identity();
        if (!who.sceneId().equals(action.getSceneId()) || !Objects.equals(who.sessionId(), action.getSessionId())
                || !who.clientId().equals(action.getClientId())) {
            reject(action, ReasonCode.UNAUTHORIZED, "an action must carry this connection's scene "
                    + who.sceneId() + ", session " + who.sessionId() + " and client " + who.clientId());
            return;
        }
        action.setToken(who.token());
        services.relay().send(action, failure -> connection.disconnect(DisconnectReason.SERVER_SHUTDOWN,
                "Kafka did not accept action " + action.getActionId() + " (" + failure.getMessage() + "); reconnect"
                        + " and send it again with the same actionId", 1_000));
        services.metrics().relayed();
    }

    /** An answer the bridge gives an action itself (rate limit, wrong ids): never produced, decided now. */
    private void reject(SceneAction action, ReasonCode reason, String message) {
        services.metrics().rejected(reason);
        connection.send(Frame.of(ActionResult.newBuilder()
                .setActionId(action.getActionId())
                .setSceneId(action.getSceneId())
                .setSessionId(action.getSessionId())
                .setClientId(action.getClientId())
                .setClientSeq(action.getClientSeq())
                .setStatus(ActionStatus.REJECTED)
                .setReason(reason)
                .setMessage(message)
                .setSceneVersion(null)
                .setDecidedAt(services.clock().instant())
                .build()));
    }

    private void onQuery(Frame frame) {
        Query query = frame.payload(Query.class);
        long queryId = query.getQueryId();
        if (query.getQuery() instanceof PickQuery) {
            onPick(frame, queryId);
            return;
        }
        if (!(query.getQuery() instanceof EntityStateQuery entities)) {
            connection.send(Frame.of(EntityQueries.single(queryId, QueryStatus.UNSUPPORTED, "this bridge does not"
                    + " know the kind of query", connection.lastEventVersion())));
            return;
        }
        Identity who = connection.identity();
        try {
            services.queryWorkers().execute(() -> answer(queryId, entities, who));
        } catch (RejectedExecutionException e) {
            connection.send(Frame.of(EntityQueries.single(queryId, QueryStatus.UNAVAILABLE, "the bridge is busy with"
                    + " other queries; ask again shortly", connection.startVersion())));
        }
    }

    private void answer(long queryId, EntityStateQuery query, Identity who) {
        List<QueryResult> parts;
        try {
            parts = services.entityQueries().answer(queryId, query, who.sceneId(), who.sessionId(),
                    connection.startVersion());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("Query {} of client {} in session {} failed.", queryId, who.clientId(), who.sessionId(), e);
            parts = List.of(EntityQueries.single(queryId, QueryStatus.UNAVAILABLE, "the query failed: "
                    + e.getMessage(), connection.startVersion()));
        }
        for (QueryResult part : parts) {
            try {
                connection.send(Frame.of(part));
            } catch (FrameException e) {
                connection.send(Frame.of(EntityQueries.single(queryId, QueryStatus.INVALID, "an entity of the answer"
                        + " does not fit in a frame of " + services.settings().limits().maxFrameBytes() + " bytes",
                        part.getSceneVersion())));
                return;
            }
        }
    }

    private void onHeartbeat(Heartbeat heartbeat) {
        if (heartbeat.getKind() == HeartbeatKind.PING) {
            connection.send(Frame.of(Heartbeat.newBuilder().setKind(HeartbeatKind.PONG)
                    .setSequence(heartbeat.getSequence()).setPingSentMicros(heartbeat.getPingSentMicros())
                    .setSentAt(services.clock().instant()).setSceneVersion(null).build()));
        }
        // A PONG (or a kind newer than this bridge) needs no answer: that it arrived keeps the connection alive.
    }

    /** A pick needs the client's rendered view: only the renderer streaming it can answer. */
    private void onPick(Frame frame, long queryId) {
        Identity who = connection.identity();
        if (who.headless()) {
            connection.send(Frame.of(EntityQueries.single(queryId, QueryStatus.UNSUPPORTED, "a headless client has no"
                    + " rendered view to pick in (picking needs a renderer streaming to the client)",
                    connection.lastEventVersion())));
        } else if (!services.video().forward(who.sessionId(), who.clientId(), services.codec().encode(frame))) {
            connection.send(Frame.of(EntityQueries.single(queryId, QueryStatus.UNAVAILABLE, "no renderer streams to"
                    + " this client now (send a Configure with video first, or wait for the session's renderer)",
                    connection.lastEventVersion())));
        }
    }

    private void onConfigure(Configure configure) {
        Identity who = connection.identity();
        VideoSettings video = configure.getVideo();
        if (who.headless()) {
            sendStatus(VideoState.SUSPENDED, "a headless client gets no video");
            return;
        }
        if (video == null) {
            services.video().leave(who.sessionId(), connection);
            sendStatus(VideoState.SUSPENDED, "no video was asked for");
            return;
        }
        Optional<String> problem = VideoRouter.problem(video, services.settings().video());
        if (problem.isPresent()) {
            // Refused as a whole: the stream the client had (if any) goes on unchanged.
            sendStatus(VideoState.FAILED, "the video settings were refused: " + problem.get());
            return;
        }
        services.video().configure(who.sceneId(), who.sessionId(), connection,
                services.codec().encode(Frame.of(configure)));
    }

    private void onInput(Frame frame) {
        services.metrics().input(frame.payload(Input.class).getEvents().size());
        Identity who = connection.identity();
        if (!who.headless()) {
            // Without a renderer linked, input has nobody to steer: it is counted and dropped.
            services.video().forward(who.sessionId(), who.clientId(), services.codec().encode(frame));
        }
    }

    private void onControl(Frame frame) {
        Control control = frame.payload(Control.class);
        if (control.getCommand() instanceof RequestKeyFrame) {
            services.metrics().keyFrameRequested();
            Identity who = connection.identity();
            if (!who.headless()) {
                services.video().forward(who.sessionId(), who.clientId(), services.codec().encode(frame));
            }
        } else {
            connection.protocolError("a client may only send RequestKeyFrame on the control channel, not "
                    + control.getCommand().getClass().getSimpleName());
        }
    }

    private void sendStatus(VideoState state, String message) {
        connection.videoStatus(state, message);
    }
}
