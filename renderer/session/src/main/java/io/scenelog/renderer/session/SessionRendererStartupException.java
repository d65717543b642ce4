package io.scenelog.renderer.session;

/** The renderer could not start: its frame endpoint, the scene replica or the token key failed; the message says. */
public final class SessionRendererStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionRendererStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
