package io.scenelog.nodecache;

/**
 * The session's scene may not use this blob: it is neither the content nor a dependency of a shared asset or of an
 * asset of that scene. Also what a guessed or unknown hash gets, so that a caller cannot tell the two apart.
 */
public final class AssetAccessDeniedException extends AssetCacheException {

    private static final long serialVersionUID = 1L;

    public AssetAccessDeniedException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
