package io.scenelog.app.bench;

import java.util.Map;

/** The REST benchmark's transforms as the API's JSON: a move along x, unrotated, unscaled. */
final class Transforms {

    private Transforms() {
    }

    /** A transform at {@code x} on the x axis. */
    static Map<String, Object> at(double x) {
        return Map.of("position", Map.of("x", x, "y", 0.0, "z", 0.0),
                "rotation", Map.of("x", 0.0, "y", 0.0, "z", 0.0, "w", 1.0),
                "scale", Map.of("x", 1.0, "y", 1.0, "z", 1.0));
    }
}
