package io.scenelog.app.bench.sessions;

import io.scenelog.renderer.camera.ClientCameras;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoEncoder;
import io.scenelog.renderer.video.VideoEncoders;
import io.scenelog.renderer.vulkan.VulkanFrameRenderer;
import io.scenelog.renderer.vulkan.VulkanOptions;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bare stream of the peer: on its own thread, its own Vulkan frame renderer and encoder, a frame rendered from the
 * moving scene, read back and encoded each time one is due at the stream's rate; no platform, no process, no
 * network. A frame that comes too late to catch up skips the slots it missed (as a session's renderer does) instead
 * of bursting.
 */
final class BareStream implements AutoCloseable {

    private final EncoderSettings settings;
    private final PeerScene.Frames scene;
    private final FrameTimes frames = new FrameTimes();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    private BareStream(EncoderSettings settings, PeerScene.Frames scene, String name) {
        this.settings = settings;
        this.scene = scene;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts a stream. */
    static BareStream start(EncoderSettings settings, PeerScene.Frames scene, String name) {
        BareStream stream = new BareStream(settings, scene, name);
        stream.thread.start();
        return stream;
    }

    /** When its frames were encoded. */
    FrameTimes frames() {
        return frames;
    }

    /** Why it stopped, if it failed. */
    String why() {
        Throwable cause = failure.get();
        return cause == null ? "no failure seen (still starting?)" : cause.toString();
    }

    private void run() {
        long period = TimeUnit.SECONDS.toNanos(1) / settings.framesPerSecond();
        List<Viewport> viewports = List.of(Viewport.full(ClientCameras.DEFAULT));
        int bytes = settings.width() * settings.height() * 4;
        try (FrameRenderer renderer = VulkanFrameRenderer.open(VulkanOptions.fromEnvironment(System.getenv()));
             VideoEncoder encoder = VideoEncoders.open(settings)) {
            long start = System.nanoTime();
            long due = start;
            for (long n = 0; running; n++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long now = System.nanoTime();
                DrawScene drawn = scene.at((now - start) / 1e9, n + 1);
                RenderedFrame picture = renderer.render(drawn, settings.width(), settings.height(), viewports);
                ByteBuffer rgba = picture.rgba().duplicate().position(0).limit(bytes);
                encoder.encode(rgba, (now - start) / 1000, n == 0);
                frames.arrived(System.nanoTime());
                due += period;
                if (System.nanoTime() - due > period) {
                    due = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Kept for the step's report: a stream that cannot render or encode delivers no frames.
            failure.set(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
