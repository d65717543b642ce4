package io.scenelog.renderer.models.gltf;

import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.TextureData;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded glTF model: one part per triangle primitive drawn by its default scene, with the node hierarchy's
 * transform as the part's local matrix.
 *
 * @param key       the model's key (the asset's sha-256), the prefix of its mesh and texture keys
 * @param parts     what to draw
 * @param triangles triangles drawn for one instance
 * @param textures  distinct images decoded
 */
public record GltfModel(String key, List<ModelPart> parts, long triangles, int textures) {

    public GltfModel {
        parts = List.copyOf(parts);
    }

    /** Roughly the heap its meshes and textures take, counting shared ones once: what a cache weighs it at. */
    public long approximateBytes() {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        long bytes = 256;
        for (ModelPart part : parts) {
            bytes += 128;
            if (seen.put(part.mesh(), Boolean.TRUE) == null) {
                bytes += 4L * (part.mesh().positions().length + part.mesh().normals().length
                        + part.mesh().uvs().length + part.mesh().indices().length);
            }
            TextureData texture = part.material().baseColorTexture().orElse(null);
            if (texture != null && seen.put(texture, Boolean.TRUE) == null) {
                bytes += texture.rgba().length;
            }
        }
        return bytes;
    }
}
