package io.scenelog.renderer.models;

import io.scenelog.model.AssetRef;
import io.scenelog.model.Color;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.renderer.asset.AssetSource;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.ModelSource;
import io.scenelog.renderer.draw.ModelUnavailableException;
import io.scenelog.renderer.draw.TextureData;
import io.scenelog.renderer.models.gltf.GltfLoader;
import io.scenelog.renderer.models.gltf.GltfModel;
import io.scenelog.renderer.models.internal.FailureMemory;
import io.scenelog.renderer.models.internal.ImageDecoder;
import io.scenelog.renderer.models.internal.InvalidImageException;
import io.scenelog.renderer.models.internal.WeighedCache;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.joml.Matrix4f;
import org.joml.Vector4f;

/**
 * The renderer's {@link ModelSource}: primitives are generated; glTF assets and material textures are fetched by
 * sha-256 through an {@link AssetSource}, decoded once and kept in a cache bounded by approximate bytes. A failure is
 * remembered for {@link ModelSourceSettings#failureRetention()}, so a broken asset is neither fetched nor decoded on
 * every frame. Used by one thread, as {@link ModelSource} says.
 */
public final class AssetModelSource implements ModelSource {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AssetSource assets;
    private final GltfLoader loader;
    private final ModelSourceSettings settings;
    private final WeighedCache<Object> decoded;
    private final FailureMemory failures;

    /** A source with the default settings and the system clock. */
    public AssetModelSource(AssetSource assets) {
        this(assets, ModelSourceSettings.defaults(), InstantSource.system());
    }

    public AssetModelSource(AssetSource assets, ModelSourceSettings settings, InstantSource clock) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loader = new GltfLoader(assets, settings.limits());
        this.decoded = new WeighedCache<>(settings.cacheBytes(), AssetModelSource::weight);
        this.failures = new FailureMemory(settings.failureRetention(), clock);
    }

    @Override
    public List<ModelPart> parts(MeshRef mesh, Material material) {
        Objects.requireNonNull(mesh, "mesh");
        boolean asset = mesh.getAsset() != null;
        if (asset == (mesh.getPrimitive() != null)) {
            throw new ModelUnavailableException("a mesh component needs exactly one of asset and primitive, got "
                    + (asset ? "both" : "neither"));
        }
        Optional<MaterialData> override = material == null ? Optional.empty() : Optional.of(materialData(material));
        if (!asset) {
            return List.of(new ModelPart(PrimitiveMeshes.of(mesh.getPrimitive()),
                    override.orElse(MaterialData.DEFAULT), new Matrix4f()));
        }
        GltfModel model = model(mesh.getAsset());
        if (override.isEmpty()) {
            return model.parts();
        }
        List<ModelPart> parts = new ArrayList<>(model.parts().size());
        for (ModelPart part : model.parts()) {
            parts.add(new ModelPart(part.mesh(), override.get(), part.local()));
        }
        return parts;
    }

    private GltfModel model(AssetRef ref) {
        String sha = checkedSha(ref, "mesh asset");
        String key = "model:" + sha;
        if (decoded.get(key) instanceof GltfModel model) {
            return model;
        }
        rethrowRecentFailure(key);
        try {
            GltfModel model = loader.load(sha, read(sha, "glTF asset"));
            decoded.put(key, model);
            return model;
        } catch (ModelUnavailableException e) {
            failures.remember(key, e.getMessage());
            throw e;
        }
    }

    private TextureData texture(AssetRef ref) {
        String sha = checkedSha(ref, "material baseColorTexture");
        String key = "image:" + sha;
        if (decoded.get(key) instanceof TextureData texture) {
            return texture;
        }
        rethrowRecentFailure(key);
        try {
            TextureData texture;
            try {
                texture = ImageDecoder.decode(sha, read(sha, "image asset"), settings.limits().maxTexturePixels());
            } catch (InvalidImageException e) {
                throw new ModelUnavailableException("image asset " + sha + ": " + e.getMessage(), e);
            }
            decoded.put(key, texture);
            return texture;
        } catch (ModelUnavailableException e) {
            failures.remember(key, e.getMessage());
            throw e;
        }
    }

    private void rethrowRecentFailure(String key) {
        Optional<String> failure = failures.recent(key);
        if (failure.isPresent()) {
            throw new ModelUnavailableException(failure.get() + " (remembered; retried after "
                    + settings.failureRetention().toSeconds() + " s)");
        }
    }

    private byte[] read(String sha, String what) {
        try {
            return assets.read(sha);
        } catch (IOException e) {
            throw new ModelUnavailableException(what + " " + sha + " is unavailable: " + e.getMessage(), e);
        }
    }

    private MaterialData materialData(Material material) {
        Color color = material.getBaseColor();
        if (color == null) {
            throw new ModelUnavailableException("the material component has no baseColor");
        }
        float[] channels = {color.getR(), color.getG(), color.getB(), color.getA()};
        for (float channel : channels) {
            if (!(channel >= 0f && channel <= 1f)) {
                throw new ModelUnavailableException("the material component's baseColor channels must be between 0"
                        + " and 1, got " + color);
            }
        }
        Optional<TextureData> texture = material.getBaseColorTexture() == null ? Optional.empty()
                : Optional.of(texture(material.getBaseColorTexture()));
        try {
            return new MaterialData(new Vector4f(channels), material.getMetallic(), material.getRoughness(), texture);
        } catch (IllegalArgumentException e) {
            throw new ModelUnavailableException("the material component is invalid: " + e.getMessage(), e);
        }
    }

    private static String checkedSha(AssetRef ref, String what) {
        String sha = ref.getSha256();
        if (sha == null || !SHA256.matcher(sha).matches()) {
            throw new ModelUnavailableException("the " + what + " names no sha-256 (64 lower-case hex digits): "
                    + sha);
        }
        return sha;
    }

    private static long weight(Object value) {
        if (value instanceof GltfModel model) {
            return model.approximateBytes();
        }
        return ((TextureData) value).rgba().length + 64L;
    }
}
