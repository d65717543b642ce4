package io.scenelog.renderer.draw;

import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * A light in world space.
 *
 * @param kind      directional, point or spot
 * @param color     linear RGB
 * @param intensity a multiplier of the colour (lux-like for directional lights, candela-like for point and spot)
 * @param position  where a point or spot light is (ignored for directional)
 * @param direction where the light travels (unit length; ignored for point)
 * @param range     how far a point or spot light reaches, 0 for unlimited
 */
public record LightData(Kind kind, Vector3fc color, float intensity, Vector3fc position, Vector3fc direction,
        float range) {

    /** The kinds of light the renderer draws. */
    public enum Kind { DIRECTIONAL, POINT, SPOT }

    public LightData {
        color = new Vector3f(color);
        position = new Vector3f(position);
        direction = new Vector3f(direction).normalize();
        if (!(intensity >= 0f) || !(range >= 0f)) {
            throw new IllegalArgumentException("intensity and range must be 0 or more, got " + intensity + ", "
                    + range);
        }
    }
}
