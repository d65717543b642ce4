package io.scenelog.renderer.video;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * A busy test picture: a texture of 16×16 blocks of random colour that pans diagonally, like a detailed scene under a
 * moving camera. Motion makes it compressible, detail makes an encoder spend all the bitrate it is allowed.
 */
final class NoisePattern {

    private static final int BLOCK = 16;

    private final int width;
    private final int height;

    private final int columns;
    private final int rows;
    private final int[] blockColours;

    NoisePattern(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = width / BLOCK;
        this.rows = height / BLOCK;
        SplittableRandom random = new SplittableRandom(42);
        this.blockColours = new int[columns * rows];
        for (int i = 0; i < blockColours.length; i++) {
            blockColours[i] = random.nextInt() | 0xFF;
        }
    }

    /** Frame {@code index}: the texture moved by {@code index} × (3, 2) pixels. */
    ByteBuffer frame(int index) {
        ByteBuffer rgba = ByteBuffer.allocateDirect(width * height * 4);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int row = (y + 2 * index) / BLOCK % rows;
                rgba.putInt(blockColours[row * columns + (x + 3 * index) / BLOCK % columns]);
            }
        }
        return rgba.flip();
    }
}
