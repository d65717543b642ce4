package io.scenelog.app.bench.frames;

import io.scenelog.app.bench.frames.FramesBenchSettings.ViewerSize;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.renderer.draw.FrameRenderer;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.video.EncodedFrame;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.FfmpegProgramPeer;
import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.video.VideoEncoder;
import io.scenelog.renderer.video.VideoEncoders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One viewer size and codec: warm-up frames, then the measured frames through render, readback, conversion, encoding
 * and RenderLink, one at a time as a renderer serves one viewer; the measured pictures are kept in a raw file for the
 * peer, FFmpeg's own program, to encode with the same encoder and options.
 */
final class FramesRun {

    private static final int FRAMES_PER_SECOND = 30;

    private final FrameRenderer renderer;
    private final BenchScene scene;
    private final LinkSend link;

    FramesRun(FrameRenderer renderer, BenchScene scene, LinkSend link) {
        this.renderer = renderer;
        this.scene = scene;
        this.link = link;
    }

    /** The encoder settings of a viewer: its size, 30 fps, a bitrate for its size, a key frame every 2 s. */
    static EncoderSettings settings(ViewerSize size, VideoCodec codec) {
        int kbps = Math.max(500, Math.min(8000, (int) ((long) size.width() * size.height() * 3 / 1000)));
        return new EncoderSettings(codec, size.width(), size.height(), FRAMES_PER_SECOND, kbps,
                2 * FRAMES_PER_SECOND);
    }

    /** Runs it; the peer runs when {@code peer} is given. */
    CaseResult run(ViewerSize size, VideoCodec codec, int warmup, int frames, Optional<FfmpegProgramPeer> peer) {
        EncoderSettings settings = settings(size, codec);
        StageTimes times = new StageTimes();
        long bytes = 0;
        Path raw = null;
        try (VideoEncoder encoder = VideoEncoders.open(settings)) {
            raw = peer.isPresent() ? Files.createTempFile("scenelog-bench-frames-", ".rgba") : null;
            try (FileChannel rawFile = raw == null ? null : FileChannel.open(raw, StandardOpenOption.WRITE)) {
                for (int n = 0; n < warmup + frames; n++) {
                    RenderedFrame picture = renderer.render(scene.scene(), size.width(), size.height(),
                            List.of(Viewport.full(scene.camera(n))));
                    ByteBuffer rgba = picture.rgba().duplicate().position(0).limit(size.width() * size.height() * 4);
                    EncodedFrame encoded = encoder.encode(rgba, n * 1_000_000L / FRAMES_PER_SECOND, n == 0);
                    long sendNanos = link.send(videoFrame(n, settings, encoded, picture));
                    if (n >= warmup) {
                        times.record(picture.renderNanos(), picture.readbackNanos(), encoded.convertNanos(),
                                encoded.encodeNanos(), sendNanos);
                        bytes += encoded.data().length;
                        if (rawFile != null) {
                            ByteBuffer copy = rgba.duplicate().position(0);
                            while (copy.hasRemaining()) {
                                rawFile.write(copy);
                            }
                        }
                    }
                }
            }
            Optional<FfmpegProgramPeer.Run> peerRun = raw == null ? Optional.empty()
                    : Optional.of(peer.get().encode(settings, raw));
            return new CaseResult(size, codec, settings.bitrateKbps(), frames, bytes, times, peerRun);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the measured frames for the peer", e);
        } finally {
            deleteQuietly(raw);
        }
    }

    private static VideoFrame videoFrame(long n, EncoderSettings settings, EncodedFrame encoded,
            RenderedFrame picture) {
        return VideoFrame.newBuilder().setFrameNumber(n).setKeyFrame(encoded.keyFrame())
                .setCodec(settings.codec().webCodecs()).setWidth(settings.width()).setHeight(settings.height())
                .setTimestampMicros(encoded.timestampMicros()).setSceneVersion(picture.sceneVersion())
                .setCapturedAt(Instant.now())
                .setRenderMicros((int) ((picture.renderNanos() + picture.readbackNanos()) / 1000))
                .setEncodeMicros((int) ((encoded.convertNanos() + encoded.encodeNanos()) / 1000))
                .setData(ByteBuffer.wrap(encoded.data())).build();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("Could not delete the bench's raw frames " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * What one viewer size and codec measured.
     *
     * @param size        the picture size
     * @param codec       the codec
     * @param bitrateKbps the encoder's target
     * @param frames      measured frames
     * @param bytes       their encoded size
     * @param times       per-stage times
     * @param peer        FFmpeg's program on the same frames, when it ran
     */
    record CaseResult(ViewerSize size, VideoCodec codec, int bitrateKbps, int frames, long bytes, StageTimes times,
            Optional<FfmpegProgramPeer.Run> peer) {

        /** Our mean conversion + encoding per frame over the peer's CPU time per frame; below 1 is faster. */
        Optional<Double> ratioToPeerCpu() {
            return peer.filter(run -> run.userNanosPerFrame() > 0)
                    .map(run -> times.meanConvertEncodeNanos() / (double) run.userNanosPerFrame());
        }

        /** The same over the peer's wall time per frame (process start and file reading included). */
        Optional<Double> ratioToPeerWall() {
            return peer.filter(run -> run.wallNanosPerFrame() > 0)
                    .map(run -> times.meanConvertEncodeNanos() / (double) run.wallNanosPerFrame());
        }
    }
}
