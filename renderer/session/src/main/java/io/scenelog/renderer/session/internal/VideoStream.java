package io.scenelog.renderer.session.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoState;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.link.RenderLinkServer;
import io.scenelog.renderer.video.EncodedFrame;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoEncoder;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's video: its encoder on a thread of its own, paced by the render loop. The render thread hands a frame
 * only when the encoder is idle ({@link #offer}): a client whose encoder is still busy skips that frame rather than
 * queueing it, so latency stays one frame deep.
 */
final class VideoStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoStream.class);

    private final String clientId;
    private final EncoderSettings settings;
    private final Function<EncoderSettings, VideoEncoder> encoders;
    private final RenderLinkServer link;
    private final FrameCodec codec;
    private final StreamMeters meters;
    private final ExecutorService thread;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean keyFrameDue = new AtomicBoolean(true);
    private final ByteBuffer pixels;
    private final long periodNanos;
    private VideoEncoder encoder;
    private long startNanos = -1;
    private long nextDueNanos;
    private long lastFrameNanos = Long.MIN_VALUE / 2;
    private long shownVersion = -1;
    private long frameNumber;
    private volatile boolean failed;

    VideoStream(String clientId, EncoderSettings settings, Function<EncoderSettings, VideoEncoder> encoders,
            RenderLinkServer link, FrameCodec codec, StreamMeters meters) {
        this.clientId = clientId;
        this.settings = settings;
        this.encoders = encoders;
        this.link = link;
        this.codec = codec;
        this.meters = meters;
        this.pixels = ByteBuffer.allocateDirect(settings.width() * settings.height() * 4);
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / settings.framesPerSecond();
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread encoderThread = new Thread(runnable, "encode-" + clientId);
            encoderThread.setDaemon(true);
            return encoderThread;
        });
        status(VideoState.STARTING, "");
    }

    String clientId() {
        return clientId;
    }

    EncoderSettings settings() {
        return settings;
    }

    boolean failed() {
        return failed;
    }

    /** When the next frame is due, on the render loop's clock. */
    long nextDueNanos() {
        return nextDueNanos;
    }

    /**
     * When a frame showing a newer scene version may go out ahead of its slot: an edit is shown as soon as the
     * encoder is free and a third of a frame period has passed since the last frame, instead of waiting up to a
     * whole period for the next slot. The slot it took is then skipped ({@link #advance}), so the stream's rate
     * stays at its frames per second.
     */
    long earlyDueNanos(long sceneVersion) {
        return sceneVersion > shownVersion ? lastFrameNanos + periodNanos / 3 : Long.MAX_VALUE;
    }

    /** The next frame will be a key frame. */
    void requestKeyFrame() {
        keyFrameDue.set(true);
    }

    /** Whether the encoder is still working on the last frame. */
    boolean busy() {
        return busy.get();
    }

    /** Whether the encoder can take a frame now; when not, the frame slot is skipped. */
    boolean ready(long nowNanos) {
        if (busy.get()) {
            meters.skipped().increment();
            advance(nowNanos);
            return false;
        }
        return true;
    }

    /**
     * Takes a rendered frame (copied: the renderer reuses its buffer) and encodes it on the stream's thread. Called
     * on the render thread after {@link #ready} said yes.
     */
    void offer(RenderedFrame frame, long nowNanos, Instant capturedAt) {
        advance(nowNanos);
        lastFrameNanos = nowNanos;
        shownVersion = frame.sceneVersion();
        if (startNanos < 0) {
            startNanos = nowNanos;
        }
        pixels.clear();
        ByteBuffer source = frame.rgba().duplicate();
        source.position(0).limit(frame.width() * frame.height() * 4);
        pixels.put(source).flip();
        long timestampMicros = (nowNanos - startNanos) / 1000;
        long renderMicros = (frame.renderNanos() + frame.readbackNanos()) / 1000;
        long sceneVersion = frame.sceneVersion();
        busy.set(true);
        thread.execute(() -> encode(timestampMicros, renderMicros, sceneVersion, capturedAt));
    }

    private void advance(long nowNanos) {
        // pace from now, not from the missed slot: a late frame does not cause a burst of catch-up frames
        nextDueNanos = Math.max(nextDueNanos + periodNanos, nowNanos + periodNanos / 2);
    }

    private void encode(long timestampMicros, long renderMicros, long sceneVersion, Instant capturedAt) {
        try {
            if (encoder == null) {
                encoder = encoders.apply(settings);
                LOG.info("Client {} streams {} {}x{} at {} fps, {} kbit/s.", clientId, settings.codec().webCodecs(),
                        settings.width(), settings.height(), settings.framesPerSecond(), settings.bitrateKbps());
            }
            boolean forceKey = keyFrameDue.getAndSet(false);
            EncodedFrame encoded = encoder.encode(pixels, timestampMicros, forceKey);
            long encodeMicros = (encoded.convertNanos() + encoded.encodeNanos()) / 1000;
            meters.encode().record(encoded.convertNanos() + encoded.encodeNanos(), TimeUnit.NANOSECONDS);
            VideoFrame video = VideoFrame.newBuilder()
                    .setFrameNumber(frameNumber++)
                    .setKeyFrame(encoded.keyFrame())
                    .setCodec(settings.codec().webCodecs())
                    .setWidth(settings.width())
                    .setHeight(settings.height())
                    .setTimestampMicros(timestampMicros)
                    .setSceneVersion(sceneVersion)
                    .setCapturedAt(capturedAt)
                    .setRenderMicros((int) Math.min(Integer.MAX_VALUE, renderMicros))
                    .setEncodeMicros((int) Math.min(Integer.MAX_VALUE, encodeMicros))
                    .setData(ByteBuffer.wrap(encoded.data()))
                    .build();
            if (frameNumber == 1) {
                status(VideoState.STREAMING, "");
            }
            if (link.sendVideo(clientId, codec.encode(Frame.of(video)), encoded.keyFrame())) {
                meters.sent().increment();
            }
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("The video stream of client {} failed ({}).", clientId, settings, e);
            status(VideoState.FAILED, "encoding failed: " + e.getMessage());
        } finally {
            busy.set(false);
        }
    }

    /** Tells the client's bridge the stream's state. */
    void status(VideoState state, String message) {
        boolean live = state == VideoState.STARTING || state == VideoState.STREAMING;
        link.send(clientId, new Control(VideoStatus.newBuilder()
                .setState(state)
                .setCodec(live ? settings.codec().webCodecs() : null)
                .setWidth(live ? settings.width() : 0)
                .setHeight(live ? settings.height() : 0)
                .setFramesPerSecond(live ? settings.framesPerSecond() : 0)
                .setMessage(message)
                .build()));
    }

    /** Stops the encoder thread and frees the encoder (on that thread, which owns it). */
    @Override
    public void close() {
        thread.execute(() -> {
            if (encoder != null) {
                encoder.close();
                encoder = null;
            }
        });
        thread.shutdown();
    }

    /**
     * The meters of the session's streams.
     *
     * @param sent    frames queued for a bridge
     * @param skipped frame slots skipped because the encoder was busy
     * @param encode  time spent converting and encoding
     */
    record StreamMeters(Counter sent, Counter skipped, Timer encode) {
    }
}
