package io.scenelog.renderer.video;

import io.scenelog.renderer.video.internal.FfmpegVideoEncoder;

/** Opens video encoders: H.264 Constrained Baseline with openh264, VP8 with libvpx (FFmpeg's LGPL build). */
public final class VideoEncoders {

    private VideoEncoders() {
    }

    /**
     * Opens an encoder for one stream.
     *
     * @throws VideoCodecUnavailableException when the FFmpeg build on the classpath lacks the codec's encoder
     * @throws VideoCodecException            when FFmpeg refuses the settings
     */
    public static VideoEncoder open(EncoderSettings settings) {
        return new FfmpegVideoEncoder(settings);
    }
}
