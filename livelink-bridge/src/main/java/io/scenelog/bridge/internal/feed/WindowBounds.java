package io.scenelog.bridge.internal.feed;

import java.time.Duration;

/**
 * The bounds of each scene's window of recent events.
 *
 * @param events the most events kept
 * @param bytes  the most bytes of frames kept (the newest event is kept whatever its size)
 * @param grace  how long a window outlives its last connection
 */
public record WindowBounds(int events, long bytes, Duration grace) {
}
