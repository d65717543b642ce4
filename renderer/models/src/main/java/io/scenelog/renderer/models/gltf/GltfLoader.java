package io.scenelog.renderer.models.gltf;

import io.scenelog.renderer.asset.AssetSource;
import io.scenelog.renderer.draw.ModelUnavailableException;
import io.scenelog.renderer.models.gltf.internal.GltfDecoder;
import io.scenelog.renderer.models.gltf.internal.InvalidGltfException;
import java.util.Objects;

/**
 * Loads glTF 2.0 models as stored by the platform: a GLB, or a .gltf JSON whose buffers and images are {@code data:}
 * URIs or {@code blobs/<sha256>} (resolved through the {@link AssetSource}). Everything is validated before use;
 * a model that breaks a rule or a limit is refused with a message that says what and where, e.g. "glTF model
 * 3fa4...: mesh 0 primitive 1: accessor 3: reads past bufferView 2: ...". Stateless apart from its settings: one
 * instance may serve any thread.
 */
public final class GltfLoader {

    private final AssetSource assets;
    private final GltfLimits limits;

    public GltfLoader(AssetSource assets, GltfLimits limits) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Decodes a model.
     *
     * @param key   the model's identity (the asset's sha-256): prefixes its mesh keys and texture keys
     * @param bytes a GLB, or the JSON of a .gltf
     * @throws ModelUnavailableException when the model is invalid, beyond the limits, or a blob it needs is
     *                                   unavailable
     */
    public GltfModel load(String key, byte[] bytes) {
        try {
            return GltfDecoder.decode(key, bytes, assets, limits);
        } catch (InvalidGltfException e) {
            throw new ModelUnavailableException("glTF model " + key + ": " + e.getMessage(), e);
        }
    }
}
