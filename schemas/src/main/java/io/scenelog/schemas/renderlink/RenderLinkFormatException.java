package io.scenelog.schemas.renderlink;

import java.io.IOException;

/** A RenderLink message that is malformed or too long: the connection cannot continue. */
public final class RenderLinkFormatException extends IOException {

    public RenderLinkFormatException(String message) {
        super(message);
    }
}
