package io.scenelog.app.bench.sessions;

import io.scenelog.renderer.video.VideoCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sessions-per-node benchmark runs, validated once.
 *
 * @param sizes       the stream sizes, stepped one after the other
 * @param codec       every stream's codec
 * @param fps         the frame rate every stream asks for
 * @param minFps      the delivered rate every stream must reach for a step to hold
 * @param maxSessions the last step (sessions, or bare streams, at once)
 * @param platformWarmup how long the platform runs with the simulation before anything is measured: its JVMs
 *                    compile their hot paths in the first minute or two, which a node that runs for days pays once
 * @param warmup      how long all streams run before the window
 * @param window      how long each stream's delivered frames are counted
 * @param bodies      bodies the simulation moves at {@code fps} updates a second, so every frame differs
 * @param peer        whether the bare render+encode loops run too (the ratio needs them)
 * @param json        where to write the results as JSON, if anywhere
 * @param markdown    where to write them as Markdown, if anywhere
 */
record SessionsBenchSettings(List<StreamSize> sizes, VideoCodec codec, int fps, double minFps, int maxSessions,
        Duration platformWarmup, Duration warmup, Duration window, int bodies, boolean peer, Optional<Path> json,
        Optional<Path> markdown) {

    /** A render node of {@code up} takes at most this many sessions. */
    static final int MAX_SESSIONS = 64;

    SessionsBenchSettings {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException("--sizes must name at least one size, e.g. 640x360");
        }
        sizes = List.copyOf(sizes);
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("--fps " + fps + " is out of range: give 1 to 120");
        }
        if (!(minFps > 0) || minFps > fps) {
            throw new IllegalArgumentException("--min-fps " + minFps + " is out of range: give more than 0 and at "
                    + "most --fps (" + fps + ")");
        }
        if (maxSessions < 1 || maxSessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("--max-sessions " + maxSessions + " is out of range: give 1 to "
                    + MAX_SESSIONS);
        }
        if (platformWarmup == null || platformWarmup.isNegative()) {
            throw new IllegalArgumentException("--platform-warmup must not be negative, e.g. 90s");
        }
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, e.g. 5s");
        }
        if (window == null || window.toMillis() < 500) {
            throw new IllegalArgumentException("--window must be at least 500ms, e.g. 10s: a shorter one counts too "
                    + "few frames to tell 29 fps from 30");
        }
        if (bodies < 1 || bodies > 1000) {
            throw new IllegalArgumentException("--bodies " + bodies + " is out of range: give 1 to 1000");
        }
    }

    /** Reads a codec name as the option gives it: {@code h264} or {@code vp8}. */
    static VideoCodec codec(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "h264", "avc", "avc1.42e01f" -> VideoCodec.H264_CONSTRAINED_BASELINE;
            case "vp8" -> VideoCodec.VP8;
            default -> throw new IllegalArgumentException("--codec takes h264 or vp8, not '" + name + "'");
        };
    }

    /** The codec's short name in tables. */
    String codecLabel() {
        return codec == VideoCodec.VP8 ? "vp8" : "h264";
    }
}
