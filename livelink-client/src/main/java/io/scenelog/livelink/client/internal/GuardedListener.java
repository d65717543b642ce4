package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.livelink.client.ClientClosure;
import io.scenelog.livelink.client.LivelinkListener;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneEvent;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program's listener behind a guard: an exception it throws is logged with the client's id and the kind of
 * call, and the client goes on, so a bug in a listener cannot stop a connection's frames or its state.
 */
final class GuardedListener implements LivelinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final LivelinkListener listener;
    private final Supplier<String> clientId;

    GuardedListener(LivelinkListener listener, Supplier<String> clientId) {
        this.listener = listener;
        this.clientId = clientId;
    }

    @Override
    public void onWelcome(Welcome welcome, boolean reconnect) {
        guard("welcome", () -> listener.onWelcome(welcome, reconnect));
    }

    @Override
    public void onEvent(SceneEvent event) {
        guard("event", () -> listener.onEvent(event));
    }

    @Override
    public void onPresence(Presence presence) {
        guard("presence", () -> listener.onPresence(presence));
    }

    @Override
    public void onActionResult(ActionResult result) {
        guard("action result", () -> listener.onActionResult(result));
    }

    @Override
    public void onVideo(VideoFrame frame) {
        guard("video frame", () -> listener.onVideo(frame));
    }

    @Override
    public void onControl(Control control) {
        guard("control", () -> listener.onControl(control));
    }

    @Override
    public void onConnectionLost(ClientClosure cause) {
        guard("lost connection", () -> listener.onConnectionLost(cause));
    }

    @Override
    public void onClosed(ClientClosure closure) {
        guard("close", () -> listener.onClosed(closure));
    }

    private void guard(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("The listener of Livelink client {} failed on a {}; the client goes on.", clientId.get(), what,
                    e);
        }
    }
}
