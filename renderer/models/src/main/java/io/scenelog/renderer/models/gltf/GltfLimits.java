package io.scenelog.renderer.models.gltf;

/**
 * What one model may cost the renderer; a model beyond any limit is refused as a whole (and drawn as a placeholder),
 * never drawn partly.
 *
 * @param maxTriangles     triangles drawn for one instance of the default scene (a mesh used by two nodes counts
 *                         twice)
 * @param maxTextures      distinct images decoded
 * @param maxTexturePixels width × height of one image
 * @param maxBytes         bytes of buffers and images resolved, and bytes of any one accessor
 */
public record GltfLimits(long maxTriangles, int maxTextures, long maxTexturePixels, long maxBytes) {

    /** Default for {@link #maxTriangles()}: 2 million. */
    public static final long DEFAULT_MAX_TRIANGLES = 2_000_000L;
    /** Default for {@link #maxTextures()}. */
    public static final int DEFAULT_MAX_TEXTURES = 32;
    /** Default for {@link #maxTexturePixels()}: 4096 × 4096. */
    public static final long DEFAULT_MAX_TEXTURE_PIXELS = 4096L * 4096;
    /** Default for {@link #maxBytes()}: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    /** @throws IllegalArgumentException naming the limit when one is not positive */
    public GltfLimits {
        requirePositive("maxTriangles", maxTriangles);
        requirePositive("maxTextures", maxTextures);
        requirePositive("maxTexturePixels", maxTexturePixels);
        requirePositive("maxBytes", maxBytes);
    }

    /** The defaults. */
    public static GltfLimits defaults() {
        return new GltfLimits(DEFAULT_MAX_TRIANGLES, DEFAULT_MAX_TEXTURES, DEFAULT_MAX_TEXTURE_PIXELS,
                DEFAULT_MAX_BYTES);
    }

    /** A copy with another triangle budget. */
    public GltfLimits withMaxTriangles(long value) {
        return new GltfLimits(value, maxTextures, maxTexturePixels, maxBytes);
    }

    /** A copy with another texture budget. */
    public GltfLimits withMaxTextures(int value) {
        return new GltfLimits(maxTriangles, value, maxTexturePixels, maxBytes);
    }

    /** A copy with another image size budget. */
    public GltfLimits withMaxTexturePixels(long value) {
        return new GltfLimits(maxTriangles, maxTextures, value, maxBytes);
    }

    /** A copy with another byte budget. */
    public GltfLimits withMaxBytes(long value) {
        return new GltfLimits(maxTriangles, maxTextures, maxTexturePixels, value);
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
