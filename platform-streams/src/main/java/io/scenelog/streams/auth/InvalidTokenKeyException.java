package io.scenelog.streams.auth;

/** A token key that cannot be used (missing, not base64, too short); the message says how to make a good one. */
public final class InvalidTokenKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenKeyException(String message) {
        super(message);
    }

    public InvalidTokenKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
