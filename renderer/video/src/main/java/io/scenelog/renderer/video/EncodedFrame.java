package io.scenelog.renderer.video;

/**
 * One encoded video frame (one WebCodecs EncodedVideoChunk).
 *
 * @param data            the chunk's bytes (H.264: Annex B, parameter sets before every key frame)
 * @param keyFrame        whether it decodes without earlier frames
 * @param timestampMicros the presentation timestamp given to {@link VideoEncoder#encode}
 * @param convertNanos    time spent converting RGBA to the encoder's pixel format
 * @param encodeNanos     time spent in the encoder
 */
public record EncodedFrame(byte[] data, boolean keyFrame, long timestampMicros, long convertNanos, long encodeNanos) {
}
