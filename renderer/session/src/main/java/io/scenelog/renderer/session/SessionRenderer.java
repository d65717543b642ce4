package io.scenelog.renderer.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scenelog.renderer.session.internal.ProductionParts;
import io.scenelog.renderer.session.internal.RenderParts;
import io.scenelog.renderer.session.internal.SessionRuntime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The renderer of one session, running: it follows the session's scene, serves its frame endpoint (RenderLink) to
 * bridges, and renders and encodes a video stream per configured client. Start it in-process with {@link #start};
 * {@link SessionRendererMain} runs it as the process a render node spawns.
 */
public final class SessionRenderer implements AutoCloseable {

    private final SessionRuntime runtime;
    private final PrometheusMeterRegistry metrics;

    private SessionRenderer(SessionRuntime runtime, PrometheusMeterRegistry metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    /**
     * Starts the renderer with the production parts (Vulkan, FFmpeg).
     *
     * @throws SessionRendererStartupException when the endpoint cannot listen or the token key cannot be read
     */
    public static SessionRenderer start(SessionRendererSettings settings) {
        return start(settings, ProductionParts.create());
    }

    static SessionRenderer start(SessionRendererSettings settings, RenderParts parts) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("session", settings.sessionId().toString(), "node", settings.nodeId());
        try {
            return new SessionRenderer(SessionRuntime.start(settings, parts, metrics), metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw new SessionRendererStartupException("The renderer of session " + settings.sessionId()
                    + " cannot start: " + e.getMessage(), e);
        }
    }

    /** Where bridges connect, e.g. {@code tcp://127.0.0.1:40123} ({@code SessionRecord.frameEndpoint}). */
    public String frameEndpoint() {
        return runtime.frameEndpoint();
    }

    /** The scene version the renderer shows now. */
    public long sceneVersion() {
        return runtime.sceneVersion();
    }

    /** The renderer's meters (streams, frames sent and skipped, render and encode times, bridges), for the node. */
    public MeterRegistry metrics() {
        return metrics;
    }

    /** The meters in Prometheus' text format. */
    public String scrape() {
        return metrics.scrape();
    }

    /**
     * Waits until the renderer stopped by itself (no bridge for the idle timeout) or was closed.
     *
     * @return whether it stopped within the timeout
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return runtime.stopped().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops serving, rendering and following, in that order. */
    @Override
    public void close() {
        runtime.close();
        metrics.close();
    }
}
