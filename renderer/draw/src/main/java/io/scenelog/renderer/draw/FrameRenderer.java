package io.scenelog.renderer.draw;

import java.util.List;

/**
 * Draws scenes into frames in host memory (offscreen: no window, no surface). One instance is used by one thread.
 */
public interface FrameRenderer extends AutoCloseable {

    /**
     * Draws the scene through each viewport's camera into a frame of this size and reads it back.
     *
     * @throws IllegalArgumentException when the size is not positive or beyond the device's limits
     */
    RenderedFrame render(DrawScene scene, int width, int height, List<Viewport> viewports);

    /** The device it draws with, e.g. "llvmpipe (CPU)" or "NVIDIA H100 (DISCRETE_GPU)" (NodeStatus.device). */
    String deviceDescription();

    /** Frees every device resource; the renderer is unusable afterwards. */
    @Override
    void close();
}
