package io.scenelog.schemas.renderlink;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message of RenderLink, the internal link between a Livelink bridge and a session's renderer (its frame
 * endpoint, {@code SessionRecord.frameEndpoint}): a Livelink frame (channel byte + Avro payload, exactly as
 * {@link io.scenelog.schemas.livelink.FrameCodec} encodes it) addressed to or from one client of the session.
 *
 * <p>The bridge sends a client's Configure, Input, Query (pick) and Control (key-frame request) frames with that
 * client's id; the renderer answers with VideoFrame, QueryResult and Control (video status) frames for that client.
 * The bridge relays the renderer's frames to the client byte for byte. A message with an empty client id concerns
 * the link itself: the bridge's Hello (a service token) first, Heartbeats after.
 *
 * @param clientId the client (its token subject), or empty for the link itself; at most {@link #MAX_CLIENT_ID_BYTES}
 *                 bytes of UTF-8
 * @param frame    the Livelink frame, not empty
 */
public record RenderLinkMessage(String clientId, byte[] frame) {

    /** The longest client id, in UTF-8 bytes. */
    public static final int MAX_CLIENT_ID_BYTES = 0xffff;

    /** @throws IllegalArgumentException when the client id is too long or the frame empty */
    public RenderLinkMessage {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(frame, "frame");
        if (clientId.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_ID_BYTES) {
            throw new IllegalArgumentException("a client id has at most " + MAX_CLIENT_ID_BYTES + " bytes");
        }
        if (frame.length == 0) {
            throw new IllegalArgumentException("a RenderLink message carries a Livelink frame, got none");
        }
    }

    /** A message about the link itself (Hello, Heartbeat). */
    public static RenderLinkMessage ofLink(byte[] frame) {
        return new RenderLinkMessage("", frame);
    }

    /** Whether this message concerns the link rather than a client. */
    public boolean isLink() {
        return clientId.isEmpty();
    }
}
