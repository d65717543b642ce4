package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Control;
import io.scenelog.livelink.Disconnect;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.QueryStatus;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoStatus;
import io.scenelog.livelink.client.LivelinkListener;
import io.scenelog.livelink.client.LivelinkProtocolException;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.Frame;
import java.util.function.Consumer;

/**
 * Where each frame after the Welcome goes: events and heartbeats move the resume point, results complete their
 * actions and queries, and the listener hears everything the program cares about. Runs on the receiving thread
 * of the connection, in frame order.
 */
final class Inbound {

    private final LivelinkListener listener;
    private final ActionTracker actions;
    private final QueryTracker queries;
    private final ResumePoint resume;
    private final VideoState video;
    private final Consumer<Disconnect> disconnects;

    Inbound(LivelinkListener listener, ActionTracker actions, QueryTracker queries, ResumePoint resume,
            VideoState video, Consumer<Disconnect> disconnects) {
        this.listener = listener;
        this.actions = actions;
        this.queries = queries;
        this.resume = resume;
        this.video = video;
        this.disconnects = disconnects;
    }

    /** Routes one frame that arrived on {@code link}. */
    void route(Link link, Frame frame) {
        switch (frame.channel()) {
            case EVENT -> {
                SceneEvent event = frame.payload(SceneEvent.class);
                resume.seen(event.getVersion());
                listener.onEvent(event);
            }
            case ACTION_RESULT -> {
                ActionResult result = frame.payload(ActionResult.class);
                listener.onActionResult(result);
                actions.complete(result);
            }
            case QUERY_RESULT -> queryResult(frame.payload(QueryResult.class));
            case PRESENCE -> listener.onPresence(frame.payload(Presence.class));
            case VIDEO -> {
                VideoFrame videoFrame = frame.payload(VideoFrame.class);
                video.received(videoFrame);
                listener.onVideo(videoFrame);
            }
            case CONTROL -> {
                Control control = frame.payload(Control.class);
                if (control.getCommand() instanceof Disconnect disconnect) {
                    disconnects.accept(disconnect);
                } else if (control.getCommand() instanceof VideoStatus status) {
                    video.received(status);
                }
                listener.onControl(control);
            }
            case HEARTBEAT -> {
                Long version = frame.payload(Heartbeat.class).getSceneVersion();
                if (version != null) {
                    resume.seen(version);
                }
            }
            default -> link.abort(new LivelinkProtocolException("The bridge sent a " + frame.channel().channelName()
                    + " frame, which a client does not expect", null));
        }
    }

    private void queryResult(QueryResult part) {
        // The resume point moves before the query's future completes, so whoever waits on the answer sees it; only
        // answers this client asked for count.
        if (part.getLast() && part.getStatus() == QueryStatus.OK && queries.isWaiting(part.getQueryId())) {
            resume.seen(part.getSceneVersion());
        }
        queries.accept(part);
    }
}
