package io.scenelog.bridge;

/**
 * What the bridge enforces on every Livelink connection alike (DESIGN §9), sent to each client in
 * {@code Welcome.limits}.
 *
 * @param maxFrameBytes       the largest frame (channel byte included) accepted from a client; a larger one ends the
 *                            connection with Disconnect MESSAGE_TOO_LARGE; also the largest frame the bridge sends
 *                            (query answers are split to fit)
 * @param actionsPerSecond    the sustained rate of action frames per client; actions beyond it and the burst are
 *                            answered REJECTED RATE_LIMITED and never reach Kafka
 * @param actionBurst         how many actions above the rate a client may send at once (a token bucket's capacity)
 * @param framesPerSecond     the sustained rate of all frames per client; a client that exceeds it by more than
 *                            two seconds' worth is disconnected (Disconnect RATE_LIMITED)
 * @param outboundQueueFrames how many frames may wait for one client before it counts as too slow (Disconnect
 *                            SLOW_CONSUMER)
 * @param outboundQueueBytes  how many bytes of frames may wait for one client, the same rule
 */
public record BridgeLimits(int maxFrameBytes, int actionsPerSecond, int actionBurst, int framesPerSecond,
        int outboundQueueFrames, long outboundQueueBytes) {

    /** The smallest frame limit: a Hello with a token must fit. */
    public static final int MIN_FRAME_BYTES = 16 * 1024;

    /**
     * @throws InvalidBridgeSettingsException naming the limit and the fix when a value is unusable
     */
    public BridgeLimits {
        if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > 64 * 1024 * 1024) {
            throw new InvalidBridgeSettingsException("limits.maxFrameBytes", maxFrameBytes,
                    "use between " + MIN_FRAME_BYTES + " and 64 MiB (default 256 KiB)");
        }
        if (actionsPerSecond < 1) {
            throw new InvalidBridgeSettingsException("limits.actionsPerSecond", actionsPerSecond,
                    "allow at least one action per second");
        }
        if (actionBurst < 1) {
            throw new InvalidBridgeSettingsException("limits.actionBurst", actionBurst, "allow a burst of at least 1");
        }
        if (framesPerSecond < actionsPerSecond) {
            throw new InvalidBridgeSettingsException("limits.framesPerSecond", framesPerSecond,
                    "allow at least actionsPerSecond (" + actionsPerSecond + "): actions are frames too");
        }
        if (outboundQueueFrames < 16) {
            throw new InvalidBridgeSettingsException("limits.outboundQueueFrames", outboundQueueFrames,
                    "queue at least 16 frames per client");
        }
        if (outboundQueueBytes < 2L * maxFrameBytes) {
            throw new InvalidBridgeSettingsException("limits.outboundQueueBytes", outboundQueueBytes,
                    "queue at least two frames of maxFrameBytes (" + 2L * maxFrameBytes + " bytes) per client");
        }
    }

    /** The defaults: 256 KiB frames, 200 actions/s (burst 400), 1000 frames/s, 4096 frames or 16 MiB queued. */
    public static BridgeLimits defaults() {
        return new BridgeLimits(256 * 1024, 200, 400, 1000, 4096, 16L * 1024 * 1024);
    }

    /** These limits with another frame size limit. */
    public BridgeLimits withMaxFrameBytes(int value) {
        return new BridgeLimits(value, actionsPerSecond, actionBurst, framesPerSecond, outboundQueueFrames,
                outboundQueueBytes);
    }

    /** These limits with another action rate and burst. */
    public BridgeLimits withActionRate(int perSecond, int burst) {
        return new BridgeLimits(maxFrameBytes, perSecond, burst, Math.max(framesPerSecond, perSecond),
                outboundQueueFrames, outboundQueueBytes);
    }

    /** These limits with another frame rate. */
    public BridgeLimits withFramesPerSecond(int value) {
        return new BridgeLimits(maxFrameBytes, actionsPerSecond, actionBurst, value, outboundQueueFrames,
                outboundQueueBytes);
    }

    /** These limits with another outbound queue bound. */
    public BridgeLimits withOutboundQueue(int frames, long bytes) {
        return new BridgeLimits(maxFrameBytes, actionsPerSecond, actionBurst, framesPerSecond, frames, bytes);
    }
}
