package io.scenelog.renderer.session.internal;

import io.scenelog.livelink.PickHit;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.ViewCamera;
import java.util.Optional;

/** Finds the entity under a point of a client's picture. */
public interface Picking {

    /** Whether picking is available at all (a QueryResult UNSUPPORTED otherwise). */
    boolean available();

    /**
     * The nearest entity under the point.
     *
     * @param x across the picture, 0 (left) to 1 (right)
     * @param y down the picture, 0 (top) to 1 (bottom)
     * @param aspect the picture's width / height
     */
    Optional<PickHit> pick(DrawScene scene, ViewCamera camera, float x, float y, float aspect);
}
