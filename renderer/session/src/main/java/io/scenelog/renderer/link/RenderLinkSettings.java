package io.scenelog.renderer.link;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a renderer's RenderLink server listens and treats its bridges.
 *
 * @param sessionId         the session served: a bridge's service token must be good for it
 * @param sceneId           the session's scene (Welcome)
 * @param rendererId        this renderer's name in Welcome frames and logs
 * @param bindHost          the interface to listen on
 * @param port              the port; 0 picks a free one
 * @param helloTimeout      how long a new connection may take to send its Hello
 * @param heartbeatInterval how often the server pings each bridge
 * @param heartbeatTimeout  how long a bridge may stay silent before its connection is closed
 * @param sendQueueFrames   the most messages waiting for one bridge; video is dropped beyond it
 * @param sendQueueBytes    the most bytes waiting for one bridge; video is dropped beyond it
 * @param maxMessageBytes   the longest message a bridge may send
 */
public record RenderLinkSettings(UUID sessionId, UUID sceneId, String rendererId, String bindHost, int port,
        Duration helloTimeout, Duration heartbeatInterval, Duration heartbeatTimeout, int sendQueueFrames,
        long sendQueueBytes, int maxMessageBytes) {

    /** Inbound messages are configure, input, query and control frames: small. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public RenderLinkSettings {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(rendererId, "rendererId");
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (free) or 1-65535, got " + port);
        }
        requirePositive("helloTimeout", helloTimeout);
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("heartbeatTimeout", heartbeatTimeout);
        if (sendQueueFrames < 4 || sendQueueBytes < 64 * 1024 || maxMessageBytes < 1024) {
            throw new IllegalArgumentException("need sendQueueFrames >= 4, sendQueueBytes >= 64 KiB and "
                    + "maxMessageBytes >= 1 KiB, got " + sendQueueFrames + ", " + sendQueueBytes + ", "
                    + maxMessageBytes);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
