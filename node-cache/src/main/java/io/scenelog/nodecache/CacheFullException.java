package io.scenelog.nodecache;

/**
 * The cache could not make room for a blob: its size bound or the disk's free space would be exceeded even after
 * evicting every blob that no reader holds. Nothing was stored; it may succeed once readers let go.
 */
public final class CacheFullException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    public CacheFullException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
