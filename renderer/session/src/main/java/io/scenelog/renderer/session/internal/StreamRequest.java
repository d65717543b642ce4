package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.VideoSettings;
import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoCodec;
import java.util.Optional;

/** Turns a client's VideoSettings into encoder settings the renderer can honour. */
final class StreamRequest {

    private static final int MIN_SIDE = 16;
    private static final int MAX_SIDE = 4096;
    private static final int MAX_FPS = 120;
    private static final int MIN_KBPS = 50;
    private static final int MAX_KBPS = 50_000;

    private StreamRequest() {
    }

    /**
     * The encoder settings for a client's request: its size rounded down to even and kept within 16..4096, its frame
     * rate up to 120 (the default when it names none), its bitrate cap (the default when none), the first codec of
     * its list the renderer encodes; empty when no codec is in common.
     */
    static Optional<EncoderSettings> of(VideoSettings video, int defaultFps, int defaultBitrateKbps) {
        Optional<VideoCodec> codec = VideoCodec.firstSupported(
                video.getCodecs().stream().map(CharSequence::toString).toList());
        if (codec.isEmpty()) {
            return Optional.empty();
        }
        int fps = video.getMaxFramesPerSecond() > 0 ? Math.min(video.getMaxFramesPerSecond(), MAX_FPS) : defaultFps;
        int kbps = video.getMaxBitrateKbps() == null ? defaultBitrateKbps
                : Math.max(MIN_KBPS, Math.min(MAX_KBPS, video.getMaxBitrateKbps()));
        // a key frame every two seconds bounds how long a client that lost a frame shows a broken picture
        return Optional.of(new EncoderSettings(codec.get(), side(video.getWidth()), side(video.getHeight()), fps, kbps,
                Math.max(1, 2 * fps)));
    }

    private static int side(int requested) {
        return Math.max(MIN_SIDE, Math.min(MAX_SIDE, requested)) & ~1;
    }
}
