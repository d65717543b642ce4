package io.scenelog.livelink.client;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneEvent;

/**
 * Receives what the bridge sends. Every method has an empty default, so a listener overrides what it
 * needs. Calls come one at a time, in the order of the frames, on the connection's receiving thread:
 * keep them short (hand heavy work to another thread), since the client reads the next frame only when
 * the call returns, which is also how a slow listener slows the bridge down rather than filling memory. For the
 * same reason, do not wait on the client from a listener (a query's or action's {@code get()}, {@code close()}):
 * the answer would arrive on the very thread that waits; chain on the futures or hand the work to another thread.
 */
public interface LivelinkListener {

    /** A listener that ignores everything. */
    LivelinkListener NONE = new LivelinkListener() {
    };

    /**
     * A Welcome arrived: on the first connection and after each reconnect.
     *
     * @param welcome the Welcome; its {@code resume} says whether local state survives (RESUMED) or must be
     *     queried again (FRESH, RESET)
     * @param reconnect false for the first connection, true after a reconnect
     */
    default void onWelcome(Welcome welcome, boolean reconnect) {
    }

    /** A committed event, in version order. */
    default void onEvent(SceneEvent event) {
    }

    /** Someone joined, left or moved their camera; PRESENT for each client right after a Welcome. */
    default void onPresence(Presence presence) {
    }

    /** The outcome of one of this client's actions (the action's future completes just after). */
    default void onActionResult(ActionResult result) {
    }

    /** A video frame (clients that are not headless only). */
    default void onVideo(VideoFrame frame) {
    }

    /** A control command from the bridge: a VideoStatus, or the Disconnect that ends the connection. */
    default void onControl(Control control) {
    }

    /**
     * The connection ended but the client goes on: it reconnects and resumes (autoReconnect).
     *
     * @param cause why the connection ended
     */
    default void onConnectionLost(ClientClosure cause) {
    }

    /** The client closed for good; nothing else will be called. */
    default void onClosed(ClientClosure closure) {
    }
}
