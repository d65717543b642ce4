package io.scenelog.renderer.draw;

import java.util.Objects;

/**
 * A decoded texture image: RGBA, 8 bits per channel, sRGB colour, rows top to bottom. The pixel array is handed
 * over, not copied (see {@link MeshData}).
 *
 * @param key    identifies the image for the GPU's upload cache (e.g. the image blob's sha-256)
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param rgba   width × height × 4 bytes
 */
public record TextureData(String key, int width, int height, byte[] rgba) {

    /** @throws IllegalArgumentException when the pixels do not match the size */
    public TextureData {
        Objects.requireNonNull(key, "key");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(key + ": a texture needs at least one pixel, got " + width + "x"
                    + height);
        }
        if (rgba.length != width * height * 4) {
            throw new IllegalArgumentException(key + ": " + width + "x" + height + " RGBA needs " + width * height * 4
                    + " bytes, got " + rgba.length);
        }
    }
}
