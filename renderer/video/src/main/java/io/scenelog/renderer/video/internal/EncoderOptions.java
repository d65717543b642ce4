package io.scenelog.renderer.video.internal;

import io.scenelog.renderer.video.EncoderSettings;
import io.scenelog.renderer.video.VideoCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FFmpeg encoder and its options for each codec, as FFmpeg option names and values: the same map configures our
 * encoder ({@code avcodec_open2}) and the {@code ffmpeg} program peer ({@code -name value}), so the benchmark
 * compares like with like.
 */
public final class EncoderOptions {

    /** The VP8 speed: 16 is libvpx's fastest realtime setting (~14 ms a 720p frame on one core here). */
    static final int VP8_CPU_USED = 16;

    private EncoderOptions() {
    }

    /** FFmpeg's name of the encoder for a codec (both in the LGPL build). */
    public static String encoderName(VideoCodec codec) {
        return switch (codec) {
            case H264_CONSTRAINED_BASELINE -> "libopenh264";
            case VP8 -> "libvpx";
        };
    }

    /** FFmpeg's name of the decoder for a codec (FFmpeg's own, LGPL). */
    public static String decoderName(VideoCodec codec) {
        return switch (codec) {
            case H264_CONSTRAINED_BASELINE -> "h264";
            case VP8 -> "vp8";
        };
    }

    /** The encoder options for the settings, in the order FFmpeg applies them. */
    public static Map<String, String> forSettings(EncoderSettings settings) {
        Map<String, String> options = new LinkedHashMap<>();
        String bitrate = settings.bitrateKbps() + "k";
        options.put("b", bitrate);
        options.put("g", Integer.toString(settings.keyFrameInterval()));
        // no B-frames and no look-ahead: every frame in gives its frame out at once
        options.put("bf", "0");
        // one encoder thread per stream: several threads per stream stall on a busy 2-core node (KNOWN-FACTS)
        options.put("threads", "1");
        switch (settings.codec()) {
            case H264_CONSTRAINED_BASELINE -> {
                options.put("profile", "constrained_baseline");
                // bitrate mode adapts quantisers per frame without a look-ahead; skipping frames would break 1:1
                options.put("rc_mode", "bitrate");
                options.put("allow_skip_frames", "0");
            }
            case VP8 -> {
                options.put("deadline", "realtime");
                options.put("cpu-used", Integer.toString(VP8_CPU_USED));
                options.put("lag-in-frames", "0");
                options.put("error-resilient", "default");
                // constant bitrate (min = max = target) with a one-second buffer: steady for a live link
                options.put("minrate", bitrate);
                options.put("maxrate", bitrate);
                options.put("bufsize", bitrate);
            }
            default -> throw new IllegalArgumentException("no encoder options for " + settings.codec());
        }
        return options;
    }
}
