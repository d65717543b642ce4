package io.scenelog.renderer.draw;

import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import java.util.List;

/**
 * Turns an entity's mesh and material components into drawable parts: primitive shapes are generated, glTF assets
 * fetched (by content hash) and decoded. Implementations cache what they decoded; they are used by one thread.
 */
public interface ModelSource {

    /**
     * The parts to draw for an entity.
     *
     * @param mesh     the entity's mesh component
     * @param material the entity's material component, or null for none (a primitive then gets
     *                 {@link MaterialData#DEFAULT}; a glTF model keeps its own materials, which a given material
     *                 replaces)
     * @throws ModelUnavailableException when an asset cannot be fetched or is not a valid model (the caller draws
     *                                   the entity as a placeholder and says why in its log, never fails the frame)
     */
    List<ModelPart> parts(MeshRef mesh, Material material);
}
