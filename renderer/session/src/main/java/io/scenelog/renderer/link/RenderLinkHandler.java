package io.scenelog.renderer.link;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import java.util.concurrent.CompletionStage;

/**
 * What the renderer does with its clients' messages, as the RenderLink server hands them over. Called on the
 * connections' reader threads: implementations hand work to their own threads and return quickly.
 */
public interface RenderLinkHandler {

    /** The scene version the renderer shows now (Welcome.startVersion, heartbeats). */
    long sceneVersion();

    /** A client's Configure: start, change or (with no video settings) stop its stream. */
    void configure(String clientId, Configure configure);

    /** A client's input, to move its camera. */
    void input(String clientId, Input input);

    /** A client's query; the answer goes back to the connection that asked. */
    CompletionStage<QueryResult> query(String clientId, Query query);

    /** A client asks for a key frame (also sent when a slow bridge caught up after its video was dropped). */
    void requestKeyFrame(String clientId);

    /** The connection that served this client closed: stop its stream until another bridge configures it. */
    void released(String clientId);
}
