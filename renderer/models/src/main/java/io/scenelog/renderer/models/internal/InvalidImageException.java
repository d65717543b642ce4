package io.scenelog.renderer.models.internal;

/** An image cannot be used as a texture: not PNG or JPEG, corrupt, or too large; the message says which. */
public final class InvalidImageException extends RuntimeException {

    InvalidImageException(String message) {
        super(message);
    }

    InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
