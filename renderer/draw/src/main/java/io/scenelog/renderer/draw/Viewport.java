package io.scenelog.renderer.draw;

import java.util.Objects;

/**
 * A rectangle of the frame drawn through one camera, in fractions of the frame (0,0 top-left, 1,1 bottom-right):
 * a client's main view is (0, 0, 1, 1); a client may ask for several, e.g. side by side.
 */
public record Viewport(float x, float y, float width, float height, ViewCamera camera) {

    /** @throws IllegalArgumentException when the rectangle leaves the frame or is empty */
    public Viewport {
        Objects.requireNonNull(camera, "camera");
        if (!(x >= 0f && y >= 0f && width > 0f && height > 0f && x + width <= 1.0001f && y + height <= 1.0001f)) {
            throw new IllegalArgumentException("a viewport must lie inside the frame, got x " + x + ", y " + y
                    + ", width " + width + ", height " + height);
        }
    }

    /** The whole frame through one camera. */
    public static Viewport full(ViewCamera camera) {
        return new Viewport(0f, 0f, 1f, 1f, camera);
    }
}
