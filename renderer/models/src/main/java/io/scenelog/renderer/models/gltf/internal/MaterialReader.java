package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.TextureData;
import io.scenelog.renderer.models.internal.ImageDecoder;
import io.scenelog.renderer.models.internal.InvalidImageException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.joml.Vector4f;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads materials' metallic-roughness factors and base-colour textures, decoding each image once. Images come from a
 * URI (data: or a blob) or from a bufferView; a texture without a PNG or JPEG source (e.g. only KTX2 through an
 * extension) is drawn untextured, with a logged reason.
 */
final class MaterialReader {

    private static final Logger LOG = LoggerFactory.getLogger(MaterialReader.class);

    private final List<JsonNode> materials;
    private final List<JsonNode> textures;
    private final List<JsonNode> images;
    private final BufferViews views;
    private final Resources resources;
    private final String modelKey;
    private final int maxTextures;
    private final long maxTexturePixels;
    private final Map<Integer, MaterialData> decodedMaterials = new HashMap<>();
    private final Map<Integer, TextureData> decodedImages = new HashMap<>();

    MaterialReader(JsonNode root, BufferViews views, Resources resources, String modelKey, int maxTextures,
            long maxTexturePixels) {
        this.materials = Json.objects(root, "materials", "document");
        this.textures = Json.objects(root, "textures", "document");
        this.images = Json.objects(root, "images", "document");
        this.views = views;
        this.resources = resources;
        this.modelKey = modelKey;
        this.maxTextures = maxTextures;
        this.maxTexturePixels = maxTexturePixels;
    }

    int count() {
        return materials.size();
    }

    /** The images decoded so far. */
    int textureCount() {
        return decodedImages.size();
    }

    /** The material of a primitive: the given one, or the default when it names none. */
    MaterialData material(OptionalInt index) {
        if (index.isEmpty()) {
            return MaterialData.DEFAULT;
        }
        MaterialData material = decodedMaterials.get(index.getAsInt());
        if (material == null) {
            material = read(index.getAsInt());
            decodedMaterials.put(index.getAsInt(), material);
        }
        return material;
    }

    private MaterialData read(int index) {
        String where = "material " + index;
        Optional<JsonNode> pbr = Json.object(materials.get(index), "pbrMetallicRoughness", where);
        if (pbr.isEmpty()) {
            return new MaterialData(new Vector4f(1f), 1f, 1f, Optional.empty());
        }
        JsonNode json = pbr.get();
        float[] color = Json.numbers(json, "baseColorFactor", where, 4);
        if (color == null) {
            color = new float[] {1f, 1f, 1f, 1f};
        }
        for (int i = 0; i < 4; i++) {
            if (color[i] < 0f || color[i] > 1f) {
                throw InvalidGltfException.at(where, "baseColorFactor[" + i + "] must be between 0 and 1, got "
                        + color[i]);
            }
        }
        float metallic = Json.number(json, "metallicFactor", where, 0f, 1f, 1f);
        float roughness = Json.number(json, "roughnessFactor", where, 0f, 1f, 1f);
        Optional<TextureData> texture = Json.object(json, "baseColorTexture", where)
                .flatMap(info -> texture(info, where + " baseColorTexture"));
        return new MaterialData(new Vector4f(color), metallic, roughness, texture);
    }

    private Optional<TextureData> texture(JsonNode info, String where) {
        int texture = Json.requiredReference(info, "index", where, textures.size(), "texture");
        long texCoord = Json.integer(info, "texCoord", where, 0, Integer.MAX_VALUE, 0);
        if (texCoord != 0) {
            LOG.info("Model {}: {} uses TEXCOORD_{}; the renderer samples TEXCOORD_0 instead.", modelKey, where,
                    texCoord);
        }
        OptionalInt source = Json.reference(textures.get(texture), "source", "texture " + texture, images.size(),
                "image");
        if (source.isEmpty()) {
            LOG.info("Model {}: texture {} has no PNG or JPEG source; {} is drawn untextured.", modelKey, texture,
                    where);
            return Optional.empty();
        }
        return Optional.of(image(source.getAsInt()));
    }

    private TextureData image(int index) {
        TextureData image = decodedImages.get(index);
        if (image == null) {
            if (decodedImages.size() >= maxTextures) {
                throw InvalidGltfException.at("image " + index, "the model uses more than " + maxTextures
                        + " textures, the budget");
            }
            image = decode(index);
            decodedImages.put(index, image);
        }
        return image;
    }

    private TextureData decode(int index) {
        String where = "image " + index;
        JsonNode image = images.get(index);
        Optional<String> uri = Json.text(image, "uri", where);
        OptionalInt view = Json.reference(image, "bufferView", where, views.count(), "bufferView");
        if (uri.isPresent() == view.isPresent()) {
            throw InvalidGltfException.at(where, "needs exactly one of uri and bufferView");
        }
        byte[] bytes;
        String key = modelKey + ":image:" + index;
        if (uri.isPresent()) {
            Resources.Resolved resolved = resources.resolve(uri.get(), where);
            bytes = resolved.bytes();
            key = resolved.sha256().orElse(key);
        } else {
            ByteBuffer data = views.view(view.getAsInt()).bytes();
            bytes = new byte[data.limit()];
            data.get(0, bytes);
        }
        try {
            return ImageDecoder.decode(key, bytes, maxTexturePixels);
        } catch (InvalidImageException e) {
            throw new InvalidGltfException(where + ": " + e.getMessage(), e);
        }
    }
}
