package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import java.util.List;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * The lights and ambient a frame shades with: the scene's own, or, for a scene without lights, a default sun from
 * above and to the side, so that an empty or unlit scene is never black.
 */
public final class SceneLighting {

    /** The default sun, in lux as the Light component counts it: about as bright as a white surface can show. */
    public static final LightData DEFAULT_SUN = new LightData(LightData.Kind.DIRECTIONAL,
            new Vector3f(1f, 0.98f, 0.95f), 2.6f, new Vector3f(), new Vector3f(-0.3f, -1f, -0.6f), 0f);
    /** The ambient share of the sky colour when the default sun shines. */
    private static final float DEFAULT_AMBIENT = 0.35f;
    /** The ambient share of the sky colour in a lit scene: enough that faces turned away are not pitch black. */
    private static final float LIT_AMBIENT = 0.2f;

    private SceneLighting() {
    }

    /** The lights to shade with. */
    public static List<LightData> lights(DrawScene scene) {
        return scene.lights().isEmpty() ? List.of(DEFAULT_SUN) : scene.lights();
    }

    /** The ambient light, a share of the sky's colour. */
    public static Vector3fc ambient(DrawScene scene) {
        float share = scene.lights().isEmpty() ? DEFAULT_AMBIENT : LIT_AMBIENT;
        return new Vector3f(scene.skyColor()).mul(share);
    }
}
