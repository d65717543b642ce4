package io.scenelog.renderer.models;

import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.models.internal.PrimitiveGenerator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in shapes of {@link PrimitiveShape}, at unit size around the origin: a cube of 1 × 1 × 1, a sphere of
 * radius 0.5, a plane of 1 × 1 on y = 0 facing +y, a cylinder and a cone of height 1 (y from -0.5 to 0.5) and radius
 * 0.5. Normals point outwards, front faces are counter-clockwise, uvs lie in 0..1. Meshes are keyed
 * {@code "primitive:CUBE"} and so on, generated once and shared (they are immutable by contract).
 */
public final class PrimitiveMeshes {

    private static final Map<PrimitiveShape, MeshData> MESHES = new EnumMap<>(PrimitiveShape.class);

    static {
        for (PrimitiveShape shape : PrimitiveShape.values()) {
            MESHES.put(shape, PrimitiveGenerator.generate(shape));
        }
    }

    private PrimitiveMeshes() {
    }

    /** The mesh of a shape. */
    public static MeshData of(PrimitiveShape shape) {
        return MESHES.get(Objects.requireNonNull(shape, "shape"));
    }
}
