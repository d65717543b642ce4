package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.draw.Viewport;

/**
 * A viewport's rectangle in pixels: fractions rounded to pixel edges so that side-by-side viewports share an edge
 * without a gap or overlap, and at least one pixel each way.
 */
public record ViewportRect(int x, int y, int width, int height) {

    /** The pixels of this viewport in a frame of this size. */
    public static ViewportRect of(Viewport viewport, int frameWidth, int frameHeight) {
        int x0 = Math.min(Math.round(viewport.x() * frameWidth), frameWidth - 1);
        int y0 = Math.min(Math.round(viewport.y() * frameHeight), frameHeight - 1);
        int x1 = Math.min(Math.round((viewport.x() + viewport.width()) * frameWidth), frameWidth);
        int y1 = Math.min(Math.round((viewport.y() + viewport.height()) * frameHeight), frameHeight);
        return new ViewportRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** Width over height, the aspect of the camera's projection. */
    public float aspect() {
        return (float) width / height;
    }
}
