package io.scenelog.bridge;

import java.time.Duration;

/**
 * What the bridge accepts in a client's Configure and how it keeps its link to a session's renderer (RenderLink).
 * A Configure beyond the limits is answered with a VideoStatus FAILED naming the limit, and nothing reaches the
 * renderer.
 *
 * @param maxWidth           the widest video a client may ask for, in pixels
 * @param maxHeight          the tallest video a client may ask for, in pixels
 * @param maxFramesPerSecond the highest frame rate a client may ask for
 * @param reconnectMin       the first wait before connecting again to a renderer whose link dropped (doubling after
 *                           each failed attempt)
 * @param reconnectMax       the longest wait between attempts
 */
public record VideoLimits(int maxWidth, int maxHeight, int maxFramesPerSecond, Duration reconnectMin,
        Duration reconnectMax) {

    /** The smallest video side: encoders work in blocks of 16 pixels. */
    public static final int MIN_SIDE = 16;

    /**
     * @throws InvalidBridgeSettingsException naming the limit and the fix when a value is unusable
     */
    public VideoLimits {
        if (maxWidth < MIN_SIDE || maxWidth > 8192) {
            throw new InvalidBridgeSettingsException("video.maxWidth", maxWidth, "use between 16 and 8192");
        }
        if (maxHeight < MIN_SIDE || maxHeight > 8192) {
            throw new InvalidBridgeSettingsException("video.maxHeight", maxHeight, "use between 16 and 8192");
        }
        if (maxFramesPerSecond < 1 || maxFramesPerSecond > 240) {
            throw new InvalidBridgeSettingsException("video.maxFramesPerSecond", maxFramesPerSecond,
                    "use between 1 and 240");
        }
        if (reconnectMin == null || reconnectMin.toMillis() < 10 || reconnectMin.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidBridgeSettingsException("video.reconnectMin", reconnectMin,
                    "use between 10 ms and 1 minute");
        }
        if (reconnectMax == null || reconnectMax.compareTo(reconnectMin) < 0
                || reconnectMax.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new InvalidBridgeSettingsException("video.reconnectMax", reconnectMax,
                    "use between reconnectMin and 10 minutes");
        }
    }

    /** The defaults: up to 3840x2160 at 60 frames per second; reconnect after 200 ms, doubling up to 5 s. */
    public static VideoLimits defaults() {
        return new VideoLimits(3840, 2160, 60, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** These limits with other reconnect waits. */
    public VideoLimits withReconnect(Duration min, Duration max) {
        return new VideoLimits(maxWidth, maxHeight, maxFramesPerSecond, min, max);
    }
}
