package io.scenelog.bridge.internal.feed;

/** The bytes of a {@code scene-events} record do not hold a readable event header. Not retryable. */
public final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the bytes */
    public MalformedEventException(String message) {
        super("Malformed scene event: " + message);
    }
}
