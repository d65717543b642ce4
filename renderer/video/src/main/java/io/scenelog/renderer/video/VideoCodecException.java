package io.scenelog.renderer.video;

/**
 * An FFmpeg call failed while encoding or decoding (not retryable with the same input): the message names the call,
 * FFmpeg's error text and code.
 */
public class VideoCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the failed call and FFmpeg's error text */
    public VideoCodecException(String message) {
        super(message);
    }
}
