package io.scenelog.bridge.internal.connection;

import io.scenelog.bridge.BridgeSettings;
import io.scenelog.bridge.internal.BridgeMetrics;
import io.scenelog.bridge.internal.feed.LogCatchUp;
import io.scenelog.bridge.internal.feed.SceneFeed;
import io.scenelog.bridge.internal.query.EntityQueries;
import io.scenelog.bridge.internal.relay.ActionRelay;
import io.scenelog.bridge.internal.session.SessionDirectory;
import io.scenelog.bridge.internal.video.VideoRouter;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenVerifier;
import io.scenelog.streams.query.SceneStateQueries;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of a bridge shares: settings, codec, token checks, the sessions view, the feed, the relay,
 * the state queries, the registry of connections, the threads and the metrics.
 *
 * @param settings      the bridge's settings
 * @param codec         frames up to the frame limit, both ways
 * @param verifier      checks client tokens
 * @param issuer        mints short cleanup tokens for clients whose own expired
 * @param sessions      the sessions view
 * @param feed          the commit log and results reader
 * @param catchUp       reads older events from the log
 * @param queries       the pipeline's state queries
 * @param entityQueries answers entity queries in parts
 * @param relay         produces actions
 * @param connections   the welcomed connections
 * @param timers        hello timeouts, heartbeats, token expiry, forced closes
 * @param handshakes    runs Hellos (blocking: session view waits, state queries, log catch-up)
 * @param queryWorkers  runs entity queries (blocking)
 * @param metrics       the bridge's metrics
 * @param queuedFrames  frames waiting in all outbound queues
 * @param clock         the wall clock of frames' timestamps
 * @param video         routes video, input, picks and key-frame requests to the sessions' renderers
 */
public record ConnectionServices(BridgeSettings settings, FrameCodec codec, TokenVerifier verifier,
        TokenIssuer issuer, SessionDirectory sessions, SceneFeed feed, LogCatchUp catchUp, SceneStateQueries queries,
        EntityQueries entityQueries, ActionRelay relay, ConnectionRegistry connections,
        ScheduledExecutorService timers, ExecutorService handshakes, ExecutorService queryWorkers,
        BridgeMetrics metrics, AtomicLong queuedFrames, Clock clock, VideoRouter video) {
}
