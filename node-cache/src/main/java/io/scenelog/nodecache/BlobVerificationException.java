package io.scenelog.nodecache;

/**
 * The platform sent bytes whose SHA-256 is not the one asked for (or more bytes than allowed); they were discarded,
 * counted and reported in the log as an alert.
 */
public final class BlobVerificationException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    public BlobVerificationException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
