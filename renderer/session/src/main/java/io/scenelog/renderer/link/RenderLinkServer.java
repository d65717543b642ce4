package io.scenelog.renderer.link;

import io.micrometer.core.instrument.MeterRegistry;
import io.scenelog.renderer.link.internal.LinkServer;
import io.scenelog.streams.auth.TokenVerifier;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;

/**
 * A renderer's frame endpoint: a TCP server speaking RenderLink to Livelink bridges. Bridges authenticate with an
 * admin service token in their first message (a Livelink Hello on the link) and then relay their clients' messages
 * to the {@link RenderLinkHandler}; the renderer sends each client's video and status through {@link #sendVideo}
 * and {@link #send}, which never block: each connection has a bounded send queue that drops video for a bridge that
 * falls behind and asks a key frame once it caught up.
 */
public interface RenderLinkServer extends AutoCloseable {

    /** Starts listening. */
    static RenderLinkServer start(RenderLinkSettings settings, TokenVerifier verifier, RenderLinkHandler handler,
            MeterRegistry metrics, Clock clock) {
        return LinkServer.start(settings, verifier, handler, metrics, clock);
    }

    /** The port it listens on. */
    int port();

    /**
     * Queues a Livelink video frame for a client on the connection that configured it last.
     *
     * @param frame    the encoded Livelink frame (channel byte + VideoFrame)
     * @param keyFrame whether it is a key frame (after dropped frames only a key frame is sent)
     * @return whether it was queued: false when no bridge serves the client or its bridge is behind
     */
    boolean sendVideo(String clientId, byte[] frame, boolean keyFrame);

    /**
     * Queues a message for a client (a Control VideoStatus) on the connection serving it.
     *
     * @return false when no bridge serves the client
     */
    boolean send(String clientId, SpecificRecord payload);

    /** How many bridges are connected and welcome. */
    int connections();

    /** Stops listening and closes every connection. */
    @Override
    void close();
}
