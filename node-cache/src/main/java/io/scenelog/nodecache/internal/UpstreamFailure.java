package io.scenelog.nodecache.internal;

import java.io.IOException;

/** One failed request to the platform that may pass when tried again (5xx, 429, connection or timeout). */
public final class UpstreamFailure extends IOException {

    private static final long serialVersionUID = 1L;

    public UpstreamFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
