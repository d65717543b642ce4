package io.scenelog.renderer.models.gltf.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checked triangle primitive of a mesh, not yet read.
 *
 * @param mesh      the mesh's index
 * @param primitive the primitive's index in the mesh
 * @param where     "mesh 0 primitive 1", for messages
 * @param mode      4 (triangles), 5 (strip) or 6 (fan)
 * @param positions POSITION: float VEC3
 * @param normals   NORMAL: float VEC3, when given
 * @param uvs       TEXCOORD_0: float or normalized unsigned VEC2, when given
 * @param indices   unsigned SCALAR indices, when indexed
 * @param material  the material, when given
 * @param triangles the triangles it draws
 */
record MeshPrimitive(int mesh, int primitive, String where, int mode, Accessor positions, Optional<Accessor> normals,
        Optional<Accessor> uvs, Optional<Accessor> indices, OptionalInt material, long triangles) {

    static final int TRIANGLES = 4;
    static final int TRIANGLE_STRIP = 5;
    static final int TRIANGLE_FAN = 6;
}
