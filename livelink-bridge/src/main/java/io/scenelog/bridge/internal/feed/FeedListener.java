package io.scenelog.bridge.internal.feed;

/** What the feed reports for metrics and health; called on the feed's thread, must not block. */
public interface FeedListener {

    /** An event went to the scene's window and {@code sinks} connections. */
    void eventFannedOut(EventEntry entry, int sinks);

    /** A record (an event, or an action result) could not be delivered and was skipped. */
    void eventUndeliverable(RuntimeException problem);

    /** The feed stopped on an error. */
    void feedFailed(RuntimeException problem);
}
