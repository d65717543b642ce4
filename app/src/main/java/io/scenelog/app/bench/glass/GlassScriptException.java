package io.scenelog.app.bench.glass;

/** The browser part of the glass-to-glass benchmark failed, timed out or reported something unreadable. */
final class GlassScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GlassScriptException(String message) {
        super(message);
    }

    GlassScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
