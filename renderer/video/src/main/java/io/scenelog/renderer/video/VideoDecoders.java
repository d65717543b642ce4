package io.scenelog.renderer.video;

import io.scenelog.renderer.video.internal.FfmpegVideoDecoder;

/** Opens FFmpeg's own H.264 and VP8 decoders (RGBA out), for tests and checks of what the encoders produce. */
public final class VideoDecoders {

    private VideoDecoders() {
    }

    /**
     * Opens a decoder for a stream of {@code codec}.
     *
     * @throws VideoCodecUnavailableException when the FFmpeg build on the classpath lacks the decoder
     */
    public static VideoDecoder open(VideoCodec codec) {
        return new FfmpegVideoDecoder(codec);
    }
}
