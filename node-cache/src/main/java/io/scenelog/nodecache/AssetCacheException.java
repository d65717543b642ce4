package io.scenelog.nodecache;

import java.io.IOException;

/**
 * Why a blob could not be served. {@link #retryable()} says whether asking again later may succeed (the upstream
 * was down, the disk was full) or not (access refused, the upstream answers with other bytes than the hash names).
 */
public abstract class AssetCacheException extends IOException {

    private static final long serialVersionUID = 1L;

    protected AssetCacheException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request may succeed later without anything else changing. */
    public abstract boolean retryable();
}
