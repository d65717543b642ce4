package io.scenelog.renderer.video;

import java.util.Optional;

/**
 * Decodes one stream back to RGBA, frame by frame without delay, for tests and end-to-end checks (browsers decode
 * the real streams with WebCodecs). Used by one thread.
 */
public interface VideoDecoder extends AutoCloseable {

    /**
     * Decodes one encoded frame (H.264: Annex B access unit; VP8: one frame).
     *
     * @return the decoded picture, or empty when the decoder produced none for this input (e.g. it lacks a reference)
     * @throws VideoCodecException when the data does not decode
     */
    Optional<DecodedFrame> decode(byte[] encoded);

    /** Frees the decoder. */
    @Override
    void close();
}
