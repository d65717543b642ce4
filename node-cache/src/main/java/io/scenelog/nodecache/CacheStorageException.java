package io.scenelog.nodecache;

/** The node's disk failed while serving a blob (other than running out of space, see {@link CacheFullException}). */
public final class CacheStorageException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    public CacheStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
