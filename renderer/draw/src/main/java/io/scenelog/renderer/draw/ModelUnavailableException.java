package io.scenelog.renderer.draw;

/** An entity's model cannot be drawn: its asset is unavailable, refused, or not a valid glTF 2.0 model. */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelUnavailableException(String message) {
        super(message);
    }
}
