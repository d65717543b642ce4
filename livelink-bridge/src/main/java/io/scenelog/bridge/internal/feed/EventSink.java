package io.scenelog.bridge.internal.feed;

/**
 * Where a scene's events go: one client connection. Calls come in version order, from the feed's thread or (while
 * catching up from the log) a handshake thread, never at the same time; implementations must not block.
 */
public interface EventSink {

    /** The next event of the scene; the sink decides whether its client may see it. */
    void onEvent(EventEntry entry);

    /** The version of the last event the sink has been given, or -1 before the first. */
    long lastEventVersion();

    /**
     * {@link #onEvent} threw: the sink gets no further events and should end its connection. Called under the
     * scene window's lock; must not block.
     */
    void failed(RuntimeException problem);
}
