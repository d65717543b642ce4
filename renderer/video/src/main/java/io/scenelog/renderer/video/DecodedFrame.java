package io.scenelog.renderer.video;

/**
 * One decoded video frame as RGBA.
 *
 * @param width  the frame width in pixels
 * @param height the frame height in pixels
 * @param rgba   width × height × 4 bytes, rows top to bottom
 */
public record DecodedFrame(int width, int height, byte[] rgba) {

    /** The pixel at (x, y) as {@code 0xRRGGBBAA}. */
    public int rgbaAt(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        int at = (y * width + x) * 4;
        return (rgba[at] & 0xFF) << 24 | (rgba[at + 1] & 0xFF) << 16 | (rgba[at + 2] & 0xFF) << 8 | rgba[at + 3] & 0xFF;
    }
}
