package io.scenelog.renderer.draw;

import java.util.Optional;
import org.joml.Vector4f;
import org.joml.Vector4fc;

/**
 * A metallic-roughness material (glTF 2.0's core model).
 *
 * @param baseColor        linear RGBA factor, multiplied with the texture when there is one
 * @param metallic         0 (dielectric) to 1 (metal)
 * @param roughness        0 (mirror) to 1 (matte)
 * @param baseColorTexture the base-colour image (sRGB), if any
 */
public record MaterialData(Vector4fc baseColor, float metallic, float roughness,
        Optional<TextureData> baseColorTexture) {

    /** The material of an entity without one: light grey, matte. */
    public static final MaterialData DEFAULT = new MaterialData(new Vector4f(0.8f, 0.8f, 0.8f, 1f), 0f, 0.8f,
            Optional.empty());

    /** @throws IllegalArgumentException when a factor is outside 0..1 or not a number */
    public MaterialData {
        requireUnit("metallic", metallic);
        requireUnit("roughness", roughness);
        baseColor = new Vector4f(baseColor);
        baseColorTexture = baseColorTexture == null ? Optional.empty() : baseColorTexture;
    }

    private static void requireUnit(String name, float value) {
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
