package io.scenelog.renderer.models.gltf.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.renderer.asset.AssetSource;
import io.scenelog.renderer.draw.MeshData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.models.gltf.GltfLimits;
import io.scenelog.renderer.models.gltf.GltfModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes one GLB or glTF JSON into a model: container, JSON, the default scene's nodes, the budget check on the
 * triangles they draw, then meshes and materials (each read once however many nodes use it).
 */
public final class GltfDecoder {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            // data: URIs make long strings; the document itself is already in memory, so no need to cap them.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private GltfDecoder() {
    }

    /**
     * Decodes a model.
     *
     * @throws InvalidGltfException saying what is wrong and where, also when a blob it references is unavailable
     */
    public static GltfModel decode(String key, byte[] bytes, AssetSource assets, GltfLimits limits) {
        byte[] json = bytes;
        Optional<ByteBuffer> bin = Optional.empty();
        if (GlbContainer.isGlb(bytes)) {
            GlbContainer glb = GlbContainer.read(bytes);
            json = glb.json();
            bin = glb.bin();
        } else if (!looksLikeJson(bytes)) {
            throw new InvalidGltfException("the asset is neither a GLB (magic 'glTF') nor glTF JSON");
        }
        JsonNode root = parse(json);
        checkVersion(root);
        Resources resources = new Resources(assets, limits.maxBytes());
        BufferViews views = new BufferViews(root, bin, resources);
        Accessors accessors = new Accessors(root, views, limits.maxBytes());
        MaterialReader materials = new MaterialReader(root, views, resources, key, limits.maxTextures(),
                limits.maxTexturePixels());
        MeshReader meshes = new MeshReader(root, accessors, materials.count(), key);
        List<NodeTree.MeshInstance> instances = NodeTree.meshInstances(root, meshes.count());
        long triangles = 0;
        for (NodeTree.MeshInstance instance : instances) {
            for (MeshPrimitive primitive : meshes.primitives(instance.mesh())) {
                triangles += primitive.triangles();
            }
        }
        if (triangles > limits.maxTriangles()) {
            throw new InvalidGltfException("the default scene draws " + triangles + " triangles, beyond the budget"
                    + " of " + limits.maxTriangles());
        }
        if (triangles == 0) {
            throw new InvalidGltfException("the default scene draws no triangles");
        }
        List<ModelPart> parts = new ArrayList<>();
        Map<String, MeshData> decoded = new HashMap<>();
        for (NodeTree.MeshInstance instance : instances) {
            for (MeshPrimitive primitive : meshes.primitives(instance.mesh())) {
                String meshKey = "gltf:" + key + ":" + primitive.mesh() + ":" + primitive.primitive();
                MeshData mesh = decoded.computeIfAbsent(meshKey, k -> MeshDecoder.decode(primitive, k));
                parts.add(new ModelPart(mesh, materials.material(primitive.material()), instance.transform()));
            }
        }
        return new GltfModel(key, parts, triangles, materials.textureCount());
    }

    /** Whether the first character after whitespace (and a UTF-8 byte order mark) opens a JSON object. */
    private static boolean looksLikeJson(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return bytes[i] == '{';
            }
        }
        return false;
    }

    private static JsonNode parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidGltfException("the glTF JSON does not parse: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidGltfException("the glTF JSON cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidGltfException("the glTF JSON is not an object");
        }
        return root;
    }

    private static void checkVersion(JsonNode root) {
        JsonNode asset = Json.object(root, "asset", "document")
                .orElseThrow(() -> new InvalidGltfException("the glTF JSON has no asset object; is it glTF at all?"));
        String version = Json.text(asset, "version", "asset").orElse("");
        if (!version.startsWith("2.")) {
            throw new InvalidGltfException("asset.version is '" + version + "'; only glTF 2.x is supported");
        }
        String minVersion = Json.text(asset, "minVersion", "asset").orElse("2.0");
        if (!minVersion.equals("2.0")) {
            throw new InvalidGltfException("asset.minVersion is '" + minVersion + "'; only 2.0 is supported");
        }
        JsonNode required = root.path("extensionsRequired");
        if (required.isArray() && !required.isEmpty()) {
            throw new InvalidGltfException("the model requires the extensions " + required + ", which this renderer"
                    + " does not support");
        }
    }
}
