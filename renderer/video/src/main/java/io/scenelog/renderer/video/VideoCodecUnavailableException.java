package io.scenelog.renderer.video;

/**
 * The FFmpeg build on the classpath lacks the encoder or decoder a codec needs (e.g. {@code libopenh264} missing from
 * a custom build). Not retryable: offer the client another codec or ship the {@code org.bytedeco:ffmpeg} classifier
 * named in the message.
 */
public class VideoCodecUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which encoder or decoder is missing from which FFmpeg build */
    public VideoCodecUnavailableException(String message) {
        super(message);
    }
}
