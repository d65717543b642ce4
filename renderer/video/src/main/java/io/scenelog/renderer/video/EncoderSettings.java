package io.scenelog.renderer.video;

import java.util.Objects;

/**
 * How to encode one viewer's stream.
 *
 * @param codec           which codec
 * @param width           the frame width in pixels, even, 16 to 4096
 * @param height          the frame height in pixels, even, 16 to 4096
 * @param framesPerSecond the frame rate the stream is timed for, 1 to 120
 * @param bitrateKbps     the target bitrate, 50 to 50,000 kbit/s
 * @param keyFrameInterval the longest run of frames between key frames (a key frame also comes on request)
 */
public record EncoderSettings(VideoCodec codec, int width, int height, int framesPerSecond, int bitrateKbps,
        int keyFrameInterval) {

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public EncoderSettings {
        Objects.requireNonNull(codec, "codec");
        requireEvenBetween("width", width);
        requireEvenBetween("height", height);
        requireBetween("framesPerSecond", framesPerSecond, 1, 120);
        requireBetween("bitrateKbps", bitrateKbps, 50, 50_000);
        requireBetween("keyFrameInterval", keyFrameInterval, 1, 100_000);
    }

    private static void requireEvenBetween(String name, int value) {
        requireBetween(name, value, 16, 4096);
        if (value % 2 != 0) {
            throw new IllegalArgumentException(name + " must be even (4:2:0 video), got " + value);
        }
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
