package io.scenelog.nodecache;

/**
 * The platform did not deliver a blob or an asset listing after every attempt (connection refused, timeout, a 5xx
 * or 429 answer). Nothing was stored; a later request fetches again.
 */
public final class UpstreamUnavailableException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
