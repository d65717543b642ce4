package io.scenelog.nodecache;

/**
 * The platform refused a request with a 4xx answer other than 429 (for example the node's credentials are wrong,
 * or the asset was deleted); asking again will not help until that changes.
 */
public final class UpstreamRejectedException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public UpstreamRejectedException(String message, int status) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status the platform answered. */
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
