package io.scenelog.livelink.client.internal;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.VideoSettings;
import io.scenelog.livelink.VideoStatus;
import java.util.Optional;

/**
 * What a client knows about its own video across connections: the video it last asked for (sent again after every
 * reconnect, since a new bridge connection starts without video), the last frame number it received (for the
 * logs of a key-frame request) and the bridge's last VideoStatus. Thread-safe.
 */
final class VideoState {

    private VideoSettings wanted;
    private Long lastFrameNumber;
    private VideoStatus status;

    /** Notes the video the program asked for (null: none). */
    synchronized void want(VideoSettings settings) {
        wanted = settings;
    }

    /** The Configure to send again on a new connection, if the program asks for video now. */
    synchronized Optional<Configure> configureToRepeat() {
        return wanted == null ? Optional.empty() : Optional.of(new Configure(wanted));
    }

    /** The video the program asked for last, if it asks for video now. */
    synchronized Optional<VideoSettings> wanted() {
        return Optional.ofNullable(wanted);
    }

    synchronized void received(VideoFrame frame) {
        lastFrameNumber = frame.getFrameNumber();
    }

    synchronized void received(VideoStatus update) {
        status = update;
    }

    /** A new connection: frame numbers and the status of the old stream mean nothing any more. */
    synchronized void connectionChanged() {
        lastFrameNumber = null;
        status = null;
    }

    synchronized Long lastFrameNumber() {
        return lastFrameNumber;
    }

    synchronized Optional<VideoStatus> status() {
        return Optional.ofNullable(status);
    }
}
