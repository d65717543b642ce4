package io.scenelog.bridge.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scenelog.livelink.DisconnectReason;
import io.scenelog.livelink.RefusalReason;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.model.ReasonCode;
import io.scenelog.schemas.livelink.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bridge's Prometheus metrics: connections, frames and bytes in and out by channel, refusals and disconnects by
 * reason, slow consumers dropped, the fan-out latency from commit to a client's queue, queued frames, and the JVM.
 * Counters are created up front per channel and reason, so the hot paths only increment.
 */
public final class BridgeMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<Channel, Counter> framesIn = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> framesOut = new EnumMap<>(Channel.class);
    private final Map<RefusalReason, Counter> refusals = new EnumMap<>(RefusalReason.class);
    private final Map<DisconnectReason, Counter> disconnects = new EnumMap<>(DisconnectReason.class);
    private final Map<ReasonCode, Counter> bridgeRejections = new EnumMap<>(ReasonCode.class);
    private final Map<ResumeOutcome, Counter> joins = new EnumMap<>(ResumeOutcome.class);
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter slowConsumers;
    private final Counter actionsRelayed;
    private final Counter inputEvents;
    private final Counter keyFrameRequests;
    private final Counter videoFramesDropped;
    private final Counter undeliverableEvents;
    private final Counter logCatchUps;
    private final Counter logCatchUpRecords;
    private final Timer fanOutLatency;

    /** Registers every meter; the gauges read the given suppliers at each scrape. */
    public BridgeMetrics(Supplier<Number> connections, Supplier<Number> queuedFrames, Supplier<Number> windows) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        for (Channel channel : Channel.values()) {
            if (channel.direction().allows(io.scenelog.schemas.livelink.Direction.CLIENT_TO_SERVER)) {
                framesIn.put(channel, Counter.builder("scenelog_bridge_frames_received")
                        .description("Livelink frames received from clients").tag("channel", channel.channelName())
                        .register(registry));
            }
            if (channel.direction().allows(io.scenelog.schemas.livelink.Direction.SERVER_TO_CLIENT)) {
                framesOut.put(channel, Counter.builder("scenelog_bridge_frames_sent")
                        .description("Livelink frames queued for clients").tag("channel", channel.channelName())
                        .register(registry));
            }
        }
        for (RefusalReason reason : RefusalReason.values()) {
            refusals.put(reason, Counter.builder("scenelog_bridge_refusals").description("Hellos refused")
                    .tag("reason", reason.name()).register(registry));
        }
        for (DisconnectReason reason : DisconnectReason.values()) {
            disconnects.put(reason, Counter.builder("scenelog_bridge_disconnects")
                    .description("Connections the bridge ended").tag("reason", reason.name()).register(registry));
        }
        for (ReasonCode reason : ReasonCode.values()) {
            bridgeRejections.put(reason, Counter.builder("scenelog_bridge_actions_rejected")
                    .description("Actions the bridge answered itself, never produced").tag("reason", reason.name())
                    .register(registry));
        }
        for (ResumeOutcome outcome : ResumeOutcome.values()) {
            joins.put(outcome, Counter.builder("scenelog_bridge_welcomes").description("Connections welcomed")
                    .tag("resume", outcome.name()).register(registry));
        }
        bytesIn = Counter.builder("scenelog_bridge_received_bytes").description("Bytes of frames received")
                .register(registry);
        bytesOut = Counter.builder("scenelog_bridge_sent_bytes").description("Bytes of frames queued for clients")
                .register(registry);
        slowConsumers = Counter.builder("scenelog_bridge_slow_consumers_dropped")
                .description("Clients disconnected because their outbound queue overflowed").register(registry);
        actionsRelayed = Counter.builder("scenelog_bridge_actions_relayed")
                .description("Actions produced to scene-actions").register(registry);
        inputEvents = Counter.builder("scenelog_bridge_input_events")
                .description("Input events received (not forwarded until a renderer serves the session)")
                .register(registry);
        keyFrameRequests = Counter.builder("scenelog_bridge_key_frame_requests")
                .description("Key frame requests received").register(registry);
        videoFramesDropped = Counter.builder("scenelog_bridge_video_frames_dropped")
                .description("Video frames a client was behind on and lost (it got a key frame later)")
                .register(registry);
        undeliverableEvents = Counter.builder("scenelog_bridge_undeliverable_events")
                .description("Records of scene-events or action-results skipped as unreadable (poison)")
                .register(registry);
        logCatchUps = Counter.builder("scenelog_bridge_log_catch_ups")
                .description("Joins and resumes whose missed events came from the log, not the scene's window")
                .register(registry);
        logCatchUpRecords = Counter.builder("scenelog_bridge_log_catch_up_records_read")
                .description("Records (of any scene) read from the log to find and read the events resumes missed")
                .register(registry);
        fanOutLatency = Timer.builder("scenelog_bridge_fanout_latency")
                .description("From an event's commit to its frame in the clients' queues")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("scenelog_bridge_connections", connections).description("Open Livelink connections")
                .register(registry);
        Gauge.builder("scenelog_bridge_queued_frames", queuedFrames)
                .description("Frames waiting in the clients' outbound queues").register(registry);
        Gauge.builder("scenelog_bridge_scene_windows", windows).description("Scenes whose events the bridge follows")
                .register(registry);
    }

    /** A frame arrived. */
    public void received(Channel channel, int bytes) {
        Counter counter = channel == null ? null : framesIn.get(channel);
        if (counter != null) {
            counter.increment();
        }
        bytesIn.increment(bytes);
    }

    /** Bytes arrived that were no frame (undecodable). */
    public void receivedBytes(int bytes) {
        bytesIn.increment(bytes);
    }

    /** A frame was queued for a client. */
    public void sent(byte[] frame) {
        Channel channel = Channel.byId(frame[0] & 0xff).orElse(null);
        Counter counter = channel == null ? null : framesOut.get(channel);
        if (counter != null) {
            counter.increment();
        }
        bytesOut.increment(frame.length);
    }

    /** A Hello was refused. */
    public void refused(RefusalReason reason) {
        refusals.get(reason).increment();
    }

    /** A connection was ended. */
    public void disconnected(DisconnectReason reason) {
        disconnects.get(reason).increment();
        if (reason == DisconnectReason.SLOW_CONSUMER) {
            slowConsumers.increment();
        }
    }

    /** The bridge answered an action itself. */
    public void rejected(ReasonCode reason) {
        bridgeRejections.get(reason).increment();
    }

    /** A connection was welcomed. */
    public void welcomed(ResumeOutcome outcome) {
        joins.get(outcome).increment();
    }

    /** An action was produced. */
    public void relayed() {
        actionsRelayed.increment();
    }

    /** Input events arrived. */
    public void input(int events) {
        inputEvents.increment(events);
    }

    /** A key frame was requested. */
    public void keyFrameRequested() {
        keyFrameRequests.increment();
    }

    /** A video frame was dropped for a client behind on video. */
    public void videoFrameDropped() {
        videoFramesDropped.increment();
    }

    /** Watches how many sessions have a link to their renderer open. */
    public void watchRenderLinks(Supplier<Number> linked) {
        Gauge.builder("scenelog_bridge_render_links", linked)
                .description("Sessions linked to their renderer (one RenderLink each)").register(registry);
    }

    /** A record (an event, or an action result) could not be read and was skipped. */
    public void undeliverable() {
        undeliverableEvents.increment();
    }

    /** A connection's missed events are read from the log. */
    public void caughtUpFromLog() {
        logCatchUps.increment();
    }

    /** Watches the bridge's timer queue: hello timeouts, heartbeats and token expiries of open connections. */
    public void watchTimers(Supplier<Number> pending) {
        Gauge.builder("scenelog_bridge_pending_timers", pending)
                .description("Timers waiting to fire (each open connection holds a few)").register(registry);
    }

    /** A catch-up from the log read this many records. */
    public void caughtUpRecordsRead(long records) {
        logCatchUpRecords.increment(records);
    }

    /** An event reached its connections' queues this long after its commit. */
    public void fannedOut(Duration sinceCommit) {
        fanOutLatency.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
    }

    /** The registry, for Kafka client metrics and embedding. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
