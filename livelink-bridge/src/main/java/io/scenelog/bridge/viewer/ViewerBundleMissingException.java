package io.scenelog.bridge.viewer;

/**
 * The viewer page's bundle is not on the classpath (the bridge was built without its page, e.g. by an IDE that does
 * not run the Maven build's {@code node build.mjs} step).
 */
public final class ViewerBundleMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ViewerBundleMissingException(String message) {
        super(message);
    }
}
