package io.scenelog.renderer.draw;

import java.util.List;
import org.joml.Vector3f;
import org.joml.Vector3fc;

/**
 * Everything one frame draws, in world space: built from the scene replica for a frame, then handed to the GPU
 * renderer. A scene without lights gets a default sun, so that an empty or unlit scene is never black.
 *
 * @param items      what to draw
 * @param lights     the lights (the renderer draws a bounded number; see its documentation)
 * @param skyColor   the background, linear RGB
 * @param groundGrid whether to draw the ground grid at y = 0
 * @param version    the scene version this scene shows (VideoFrame.sceneVersion)
 */
public record DrawScene(List<DrawItem> items, List<LightData> lights, Vector3fc skyColor, boolean groundGrid,
        long version) {

    /** The sky of a scene that sets none: a light blue-grey. */
    public static final Vector3fc DEFAULT_SKY = new Vector3f(0.55f, 0.68f, 0.82f);

    public DrawScene {
        items = List.copyOf(items);
        lights = List.copyOf(lights);
        skyColor = new Vector3f(skyColor);
    }

    /** An empty scene: sky and grid only. */
    public static DrawScene empty() {
        return new DrawScene(List.of(), List.of(), DEFAULT_SKY, true, 0L);
    }
}
