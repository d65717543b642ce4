package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.model.AssetSummary;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a glTF 2.0 document against the bytes its URIs lead to, in dependency order (buffers, bufferViews,
 * accessors, then what uses them), so that when it returns every index, offset and length in the document is safe
 * to follow. Returns the counts that the asset record keeps.
 */
public final class GltfValidator {

    private static final Pattern VERSION_2 = Pattern.compile("2\\.[0-9]+");

    private GltfValidator() {
    }

    /**
     * Checks the document; throws the first problem found.
     *
     * @throws io.scenelog.edge.assets.AssetRejectedException naming the rule and the JSON pointer
     */
    public static AssetSummary validate(JsonNode root, Resources resources) throws IOException {
        checkVersion(root);
        GltfDocument doc = GltfDocument.of(root);
        List<BinarySource> buffers = BufferChecks.buffers(doc, resources);
        List<BufferChecks.View> views = BufferChecks.views(doc, buffers);
        List<AccessorChecks.Accessor> accessors = AccessorChecks.check(doc, views);
        ImageRefChecks.check(doc, views, resources);
        ReferenceChecks.check(doc);
        long[] trianglesPerMesh = MeshChecks.check(doc, accessors, views);
        NodeGraph graph = NodeGraph.check(doc);
        return new AssetSummary(doc.meshes().size(), doc.materials().size(), graph.triangles(trianglesPerMesh),
                doc.textures().size());
    }

    private static void checkVersion(JsonNode root) {
        JsonNode asset = Json.requiredObject(root, "asset", "");
        String version = Json.text(asset, "version", "/asset").orElseThrow(() -> Json.missing(asset, "version",
                "/asset"));
        if (!VERSION_2.matcher(version).matches()) {
            throw Rule.ASSET_VERSION.at("/asset/version", "The glTF declares version " + UriPolicy.shown(version)
                    + "; only glTF 2.x is supported (at /asset/version).");
        }
        String minVersion = Json.text(asset, "minVersion", "/asset").orElse("2.0");
        if (!minVersion.equals("2.0")) {
            throw Rule.ASSET_VERSION.at("/asset/minVersion", "The glTF requires at least version "
                    + UriPolicy.shown(minVersion) + "; only glTF 2.0 features are supported (at /asset/minVersion).");
        }
    }
}
