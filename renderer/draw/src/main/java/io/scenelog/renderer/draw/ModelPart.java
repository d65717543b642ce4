package io.scenelog.renderer.draw;

import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * One drawable part of an entity's model: a primitive shape is one part, a glTF model one part per mesh primitive of
 * its default scene.
 *
 * @param mesh     the geometry in the part's own space
 * @param material how it looks (the entity's material component, or the model's own)
 * @param local    the part's space to the entity's space (identity for primitives; the glTF node hierarchy)
 */
public record ModelPart(MeshData mesh, MaterialData material, Matrix4fc local) {

    public ModelPart {
        local = new Matrix4f(local);
    }
}
