package io.scenelog.renderer.models.pick;

import io.scenelog.renderer.draw.Viewport;

/**
 * A frame point located in one viewport.
 *
 * @param index    the viewport's position in the list
 * @param viewport the viewport
 * @param x        across the viewport, 0 (left) to 1 (right)
 * @param y        down the viewport, 0 (top) to 1 (bottom)
 */
public record ViewportPoint(int index, Viewport viewport, float x, float y) {
}
