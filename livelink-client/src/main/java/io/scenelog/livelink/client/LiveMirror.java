package io.scenelog.livelink.client;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.ResumeOutcome;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps a {@link SceneMirror} in step with a client, as schemas/README.md "State and events" says: it asks the
 * state once the client is connected, holds the events that arrive meanwhile, seeds the mirror with the answer
 * and applies the held events on top (the mirror drops those the answer already contains), then applies every
 * event as it comes. After a reconnect whose Welcome is not RESUMED it asks again and re-seeds. Every call is
 * passed on to the next listener.
 *
 * <pre>{@code
 * LiveMirror live = new LiveMirror(myListener);
 * LivelinkClient client = LivelinkClient.connect(url, token, ClientOptions.defaults().withListener(live));
 * SceneMirror mirror = live.start(client).get();    // seeded; stays current
 * }</pre>
 */
public final class LiveMirror implements LivelinkListener {

    private final SceneMirror mirror = new SceneMirror();
    private final LivelinkListener next;
    private final List<SceneEvent> held = new ArrayList<>();
    private volatile LivelinkClient client;
    private boolean seeded;

    /** A mirror that passes every call on to {@code next}. */
    public LiveMirror(LivelinkListener next) {
        this.next = Objects.requireNonNull(next, "next (use LivelinkListener.NONE)");
    }

    /** A mirror with no further listener. */
    public LiveMirror() {
        this(LivelinkListener.NONE);
    }

    /**
     * Asks the client for the scene's state and seeds the mirror with it; call once, right after connecting
     * with this listener in the options.
     *
     * @return completes with the seeded mirror; fails as the query does
     */
    public CompletableFuture<SceneMirror> start(LivelinkClient connected) {
        this.client = Objects.requireNonNull(connected, "connected");
        return reseed();
    }

    /** The mirror (empty at version 0 until seeded). */
    public SceneMirror mirror() {
        return mirror;
    }

    /** Whether the mirror holds a query answer and follows the events (false while it waits for one). */
    public synchronized boolean seeded() {
        return seeded;
    }

    @Override
    public void onWelcome(Welcome welcome, boolean reconnect) {
        if (reconnect && welcome.getResume() != ResumeOutcome.RESUMED && client != null) {
            reseed();
        }
        next.onWelcome(welcome, reconnect);
    }

    @Override
    public void onEvent(SceneEvent event) {
        synchronized (this) {
            if (seeded) {
                mirror.apply(event);
            } else {
                held.add(event);
            }
        }
        next.onEvent(event);
    }

    @Override
    public void onPresence(Presence presence) {
        next.onPresence(presence);
    }

    @Override
    public void onActionResult(ActionResult result) {
        next.onActionResult(result);
    }

    @Override
    public void onVideo(VideoFrame frame) {
        next.onVideo(frame);
    }

    @Override
    public void onControl(Control control) {
        next.onControl(control);
    }

    @Override
    public void onConnectionLost(ClientClosure cause) {
        next.onConnectionLost(cause);
    }

    @Override
    public void onClosed(ClientClosure closure) {
        next.onClosed(closure);
    }

    private CompletableFuture<SceneMirror> reseed() {
        synchronized (this) {
            seeded = false;
        }
        return client.queryEntities(List.of()).thenApply(snapshot -> {
            synchronized (this) {
                mirror.seed(snapshot);
                held.forEach(mirror::apply);
                held.clear();
                seeded = true;
            }
            return mirror;
        });
    }
}
