package io.scenelog.nodecache.internal;

import java.io.IOException;

/** Writing a download to the node's disk failed (typically: the disk is full); the platform is not to blame. */
public final class LocalWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    public LocalWriteException(String message, IOException cause) {
        super(message, cause);
    }
}
