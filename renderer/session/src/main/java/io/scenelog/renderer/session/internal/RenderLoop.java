package io.scenelog.renderer.session.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.PickQuery;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.link.RenderLinkServer;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.schemas.livelink.FrameCodec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The render thread: owns the frame renderer and the streams, renders each stream's frame when it is due, and hands
 * it to the stream's encoder. Everything that changes streams arrives as a command on a queue, so the streams are
 * touched by this thread only and nothing here needs a lock.
 */
public final class RenderLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RenderLoop.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Queued when the scene changes: it only wakes the loop, which then sees the new version. */
    private static final Runnable WAKE = () -> { };

    private final SceneView scene;
    private final RenderParts parts;
    private final RenderLinkServer link;
    private final int maxStreams;
    private final Clock clock;
    private final FrameCodec codec = new FrameCodec(16 << 20);
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Map<String, VideoStream> streams = new LinkedHashMap<>();
    private final VideoStream.StreamMeters meters;
    private final Timer renderTimer;
    private final Thread thread;
    private FrameRenderer renderer;
    private String rendererFailure;
    private volatile boolean running = true;

    RenderLoop(SceneView scene, RenderParts parts, RenderLinkServer link, int maxStreams, MeterRegistry metrics,
            Clock clock, String sessionName) {
        this.scene = scene;
        this.parts = parts;
        this.link = link;
        this.maxStreams = maxStreams;
        this.clock = clock;
        this.meters = new VideoStream.StreamMeters(
                Counter.builder("renderer.frames.sent").description("video frames queued for bridges")
                        .register(metrics),
                Counter.builder("renderer.frames.skipped").description("frame slots skipped, encoder busy")
                        .register(metrics),
                Timer.builder("renderer.encode").description("colour conversion and encoding per frame")
                        .register(metrics));
        this.renderTimer = Timer.builder("renderer.render").description("render and readback per frame")
                .register(metrics);
        Gauge.builder("renderer.streams", streams, Map::size).description("video streams").register(metrics);
        this.thread = new Thread(this::run, "render-" + sessionName);
    }

    /** Creates and starts a render loop. */
    public static RenderLoop start(SceneView scene, RenderParts parts, RenderLinkServer link, int maxStreams,
            MeterRegistry metrics, Clock clock, String sessionName) {
        RenderLoop loop = new RenderLoop(scene, parts, link, maxStreams, metrics, clock, sessionName);
        // the replica follows the log on its own thread: an edit is shown as soon as it is seen
        // (VideoStream#earlyDueNanos), not at the next wait's end
        scene.onChange(() -> loop.commands.add(WAKE));
        loop.thread.start();
        return loop;
    }

    /** Starts, changes or (with null) stops a client's stream. */
    public void configure(String clientId, VideoSettings video, int defaultFps, int defaultBitrateKbps) {
        commands.add(() -> {
            if (video == null) {
                stop(clientId, "the client asked for no video");
                return;
            }
            Optional<EncoderSettings> wanted = StreamRequest.of(video, defaultFps, defaultBitrateKbps);
            VideoStream current = streams.get(clientId);
            if (wanted.isEmpty()) {
                stop(clientId, "no codec in common");
                failWith(clientId, "no codec in common: the renderer encodes avc1.42E01F and vp8, the client "
                        + "decodes " + video.getCodecs());
                return;
            }
            if (current != null && current.settings().equals(wanted.get()) && !current.failed()) {
                current.requestKeyFrame();
                return;
            }
            stop(clientId, "its settings changed");
            if (streams.size() >= maxStreams) {
                failWith(clientId, "the renderer serves at most " + maxStreams + " video streams");
                return;
            }
            if (!openRenderer()) {
                failWith(clientId, "the renderer cannot draw: " + rendererFailure);
                return;
            }
            EncoderSettings settings = wanted.get();
            scene.viewport(clientId, settings.width(), settings.height());
            streams.put(clientId, new VideoStream(clientId, settings, parts.encoders(), link, codec, meters));
        });
    }

    /** The client's next frame is a key frame. */
    public void requestKeyFrame(String clientId) {
        commands.add(() -> {
            VideoStream stream = streams.get(clientId);
            if (stream != null) {
                stream.requestKeyFrame();
            }
        });
    }

    /** Stops a client's stream (its bridge went away). */
    public void release(String clientId) {
        commands.add(() -> {
            stop(clientId, "its bridge disconnected");
            scene.forget(clientId);
        });
    }

    /** Answers a pick query through the client's camera, on the render thread. */
    public CompletionStage<QueryResult> query(String clientId, Query query) {
        if (!(query.getQuery() instanceof PickQuery pick)) {
            return CompletableFuture.completedFuture(result(query, QueryStatus.UNSUPPORTED,
                    "a renderer answers pick queries; ask the bridge for entity state"));
        }
        if (!parts.picker().available()) {
            return CompletableFuture.completedFuture(result(query, QueryStatus.UNSUPPORTED,
                    "picking is not available in this renderer"));
        }
        if (!(pick.getX() >= 0f && pick.getX() <= 1f && pick.getY() >= 0f && pick.getY() <= 1f)) {
            return CompletableFuture.completedFuture(result(query, QueryStatus.INVALID,
                    "a pick point lies within 0..1 on both axes, got " + pick.getX() + ", " + pick.getY()));
        }
        CompletableFuture<QueryResult> answer = new CompletableFuture<>();
        commands.add(() -> {
            VideoStream stream = streams.get(clientId);
            float aspect = stream == null ? 16f / 9f : (float) stream.settings().width() / stream.settings().height();
            DrawScene drawn = scene.drawScene();
            QueryResult result = result(query, QueryStatus.OK, "");
            result.setSceneVersion(drawn.version());
            result.setPick(parts.picker().pick(drawn, scene.camera(clientId), pick.getX(), pick.getY(), aspect)
                    .orElse(null));
            answer.complete(result);
        });
        return answer;
    }

    private QueryResult result(Query query, QueryStatus status, String message) {
        return QueryResult.newBuilder().setQueryId(query.getQueryId()).setStatus(status).setMessage(message)
                .setSceneVersion(scene.version()).build();
    }

    private void run() {
        LOG.info("The render loop started.");
        while (running) {
            try {
                runCommands(waitNanos());
                renderDueFrames();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // a frame that fails must not end the session: say so and go on with the next one
                LOG.error("A frame failed; the render loop goes on.", e);
            }
        }
        streams.values().forEach(VideoStream::close);
        streams.clear();
        if (renderer != null) {
            renderer.close();
        }
        LOG.info("The render loop stopped.");
    }

    private long waitNanos() {
        long now = System.nanoTime();
        long wait = IDLE_WAIT_NANOS;
        long version = scene.version();
        for (VideoStream stream : streams.values()) {
            wait = Math.min(wait, dueNanos(stream, version) - now);
        }
        return Math.max(0, wait);
    }

    /** When a stream's next frame is due: at its slot, or earlier to show a newer scene version. */
    private static long dueNanos(VideoStream stream, long version) {
        return Math.min(stream.nextDueNanos(), stream.earlyDueNanos(version));
    }

    private void runCommands(long waitNanos) throws InterruptedException {
        Runnable command = commands.poll(waitNanos, TimeUnit.NANOSECONDS);
        while (command != null) {
            command.run();
            command = commands.poll();
        }
    }

    private void renderDueFrames() {
        DrawScene drawn = null;
        long version = scene.version();
        for (VideoStream stream : List.copyOf(streams.values())) {
            long now = System.nanoTime();
            if (stream.failed()) {
                stream.close();
                streams.remove(stream.clientId());
                continue;
            }
            boolean slot = stream.nextDueNanos() <= now;
            if (!slot && dueNanos(stream, version) > now) {
                continue;
            }
            // a busy encoder skips a slot (ready() says so and moves on); an early frame simply waits for the slot
            if (slot ? !stream.ready(now) : stream.busy()) {
                continue;
            }
            if (drawn == null) {
                drawn = scene.drawScene();
            }
            EncoderSettings settings = stream.settings();
            long started = System.nanoTime();
            RenderedFrame frame = renderer.render(drawn, settings.width(), settings.height(),
                    List.of(Viewport.full(scene.camera(stream.clientId()))));
            renderTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            stream.offer(frame, now, clock.instant());
        }
    }

    private boolean openRenderer() {
        if (renderer == null && rendererFailure == null) {
            try {
                renderer = parts.frameRenderer().get();
                LOG.info("Rendering with {}.", renderer.deviceDescription());
            } catch (RuntimeException e) {
                rendererFailure = e.getMessage();
                LOG.error("The frame renderer cannot open; no client of this session gets video.", e);
            }
        }
        return renderer != null;
    }

    private void stop(String clientId, String why) {
        VideoStream stream = streams.remove(clientId);
        if (stream != null) {
            LOG.info("The stream of client {} stops: {}.", clientId, why);
            stream.close();
        }
    }

    private void failWith(String clientId, String message) {
        LOG.warn("Client {} gets no video: {}.", clientId, message);
        link.send(clientId, new Control(VideoStatus.newBuilder()
                .setState(VideoState.FAILED).setMessage(message).build()));
    }

    /** Stops rendering, closes the streams and the frame renderer (on the render thread, which owns them). */
    @Override
    public void close() {
        running = false;
        commands.add(WAKE);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
