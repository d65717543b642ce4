package io.scenelog.renderer.video;

import java.util.List;
import java.util.Optional;

/**
 * The codecs a renderer encodes, by their WebCodecs codec strings (VideoFrame.codec, VideoSettings.codecs).
 */
public enum VideoCodec {

    /** H.264 Constrained Baseline, level 3.1, Annex B with parameter sets in every key frame (openh264, LGPL). */
    H264_CONSTRAINED_BASELINE("avc1.42E01F"),
    /** VP8 (libvpx). */
    VP8("vp8");

    private final String webCodecs;

    VideoCodec(String webCodecs) {
        this.webCodecs = webCodecs;
    }

    /** The WebCodecs codec string. */
    public String webCodecs() {
        return webCodecs;
    }

    /**
     * The first codec of a client's preference list that a renderer can encode: an exact codec string, or for H.264
     * any Baseline/Constrained Baseline string ({@code avc1.42....}, {@code avc1.4240..}) since the browser decodes
     * our level 3.1 stream with any of them.
     */
    public static Optional<VideoCodec> firstSupported(List<String> preferred) {
        for (String codec : preferred) {
            String lower = codec.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals(VP8.webCodecs)) {
                return Optional.of(VP8);
            }
            if (lower.startsWith("avc1.42")) {
                return Optional.of(H264_CONSTRAINED_BASELINE);
            }
        }
        return Optional.empty();
    }
}
