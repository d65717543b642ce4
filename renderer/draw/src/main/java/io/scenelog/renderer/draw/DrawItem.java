package io.scenelog.renderer.draw;

import java.util.Objects;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One mesh to draw with one material at one place: an entity's mesh, or one primitive of its glTF model.
 *
 * @param entityId the entity it belongs to (what a pick answers)
 * @param mesh     the geometry, in the model's own space
 * @param material how it looks
 * @param world    model space to world space (the entity's transform with its parents', times the part's own)
 */
public record DrawItem(UUID entityId, MeshData mesh, MaterialData material, Matrix4fc world) {

    public DrawItem {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(material, "material");
        world = new Matrix4f(world);
    }
}
