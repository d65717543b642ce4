package io.scenelog.bridge.internal.video;

import io.scenelog.livelink.VideoState;

/**
 * A client connection as the video routing sees it: where the renderer's frames for the client go. Called from a
 * RenderLink's reader thread and from the router's threads, never under the router's locks.
 */
public interface VideoViewer {

    /** The client's id in its session (its token subject): the RenderLink address of its frames. */
    String clientId();

    /**
     * A VideoFrame frame for the client, exactly as the renderer sent it. The client may lose it (it is behind on
     * video); the viewer then asks the renderer for a key frame itself.
     */
    void videoFrame(byte[] frame, boolean keyFrame);

    /** Another frame of the renderer's for the client (a QueryResult, a Control VideoStatus), exactly as sent. */
    void relay(byte[] frame);

    /** A VideoStatus of the bridge's own: what it knows of the renderer (none, starting, refused). */
    void videoStatus(VideoState state, String message);
}
