package io.scenelog.renderer.video;

import java.nio.ByteBuffer;

/**
 * A test picture: four flat coloured quadrants whose common corner moves a few pixels every frame, so that frames
 * differ (inter prediction has work to do) while each quadrant's colour stays known.
 */
final class QuadrantPattern {

    /** Top-left, top-right, bottom-left, bottom-right, as 0xRRGGBB. */
    static final int[] COLOURS = {0xD02020, 0x20C040, 0x2040D0, 0xE0D030};

    private final int width;
    private final int height;

    QuadrantPattern(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The corner's x in frame {@code index}: sweeps across the middle half of the picture. */
    int cornerX(int index) {
        return width / 4 + (index * 6) % (width / 2);
    }

    /** The corner's y in frame {@code index}. */
    int cornerY(int index) {
        return height / 4 + (index * 4) % (height / 2);
    }

    /** Frame {@code index} as RGBA in a direct buffer (as a Vulkan readback hands it over). */
    ByteBuffer frame(int index) {
        ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
        fill(rgba, index);
        return rgba.flip();
    }

    /** Frame {@code index} as RGBA in a heap buffer. */
    ByteBuffer heapFrame(int index) {
        ByteBuffer rgba = ByteBuffer.allocate(width * height * 4);
        fill(rgba, index);
        return rgba.flip();
    }

    /** The colour frame {@code index} has in quadrant {@code quadrant} (0..3, as {@link #COLOURS}). */
    int colour(int quadrant) {
        return COLOURS[quadrant];
    }

    /** A point in the middle of quadrant {@code quadrant} of frame {@code index}, as {x, y}. */
    int[] sample(int index, int quadrant) {
        int cx = cornerX(index);
        int cy = cornerY(index);
        int x = quadrant % 2 == 0 ? cx / 2 : (cx + width) / 2;
        int y = quadrant < 2 ? cy / 2 : (cy + height) / 2;
        return new int[] {x, y};
    }

    private void fill(ByteBuffer rgba, int index) {
        int cx = cornerX(index);
        int cy = cornerY(index);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int colour = COLOURS[(y < cy ? 0 : 2) + (x < cx ? 0 : 1)];
                rgba.put((byte) (colour >> 16)).put((byte) (colour >> 8)).put((byte) colour).put((byte) 0xFF);
            }
        }
    }
}
