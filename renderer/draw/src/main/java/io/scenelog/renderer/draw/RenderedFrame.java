package io.scenelog.renderer.draw;

import java.nio.ByteBuffer;

/**
 * One frame read back from the GPU: RGBA, 8 bits per channel, sRGB, rows top to bottom, tightly packed (width × 4
 * bytes per row). The buffer belongs to the renderer and is valid until its next {@code render} call: copy or
 * consume it before then.
 *
 * @param width         pixels per row
 * @param height        rows
 * @param rgba          the pixels, position 0, limit width × height × 4
 * @param sceneVersion  the scene version drawn
 * @param renderNanos   time spent recording and executing the draw on the device
 * @param readbackNanos time spent copying the image into host memory
 */
public record RenderedFrame(int width, int height, ByteBuffer rgba, long sceneVersion, long renderNanos,
        long readbackNanos) {

    /** The pixel at (x, y) as 0xRRGGBBAA. */
    public int pixel(int x, int y) {
        int offset = (y * width + x) * 4;
        return (rgba.get(offset) & 0xff) << 24 | (rgba.get(offset + 1) & 0xff) << 16
                | (rgba.get(offset + 2) & 0xff) << 8 | rgba.get(offset + 3) & 0xff;
    }
}
