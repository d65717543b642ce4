package io.scenelog.renderer.video;

import java.nio.ByteBuffer;

/**
 * Encodes one viewer's stream: RGBA frames in, one encoded frame out per frame in (no B-frames, no look-ahead, so
 * nothing is held back). Used by one thread; encodes on that thread (one encoder thread per stream).
 */
public interface VideoEncoder extends AutoCloseable {

    /** The settings it encodes with. */
    EncoderSettings settings();

    /**
     * Encodes a frame.
     *
     * @param rgba            width × height × 4 bytes of RGBA (rows top to bottom), from position 0; not kept
     * @param timestampMicros the frame's presentation time since the stream began, increasing
     * @param keyFrame        true to force a key frame (on join, on request); the first frame is always one
     * @throws IllegalArgumentException when the buffer does not hold one frame of the settings' size
     */
    EncodedFrame encode(ByteBuffer rgba, long timestampMicros, boolean keyFrame);

    /** Frees the encoder. */
    @Override
    void close();
}
