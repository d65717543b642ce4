package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Indices between the parts of a glTF that no other check reads (textures, materials, skins, animations) point at
 * something that exists, so a renderer can follow any of them without a bounds check of its own.
 */
final class ReferenceChecks {

    private static final List<String> PBR_TEXTURES = List.of("baseColorTexture", "metallicRoughnessTexture");
    private static final List<String> MATERIAL_TEXTURES = List.of("normalTexture", "occlusionTexture",
            "emissiveTexture");

    private ReferenceChecks() {
    }

    static void check(GltfDocument doc) {
        for (int i = 0; i < doc.textures().size(); i++) {
            JsonNode texture = doc.textures().get(i);
            String at = GltfDocument.at("textures", i);
            Json.reference(texture, "source", at, doc.images().size(), "image");
            Json.reference(texture, "sampler", at, doc.samplers().size(), "sampler");
        }
        for (int i = 0; i < doc.materials().size(); i++) {
            checkMaterial(doc, doc.materials().get(i), GltfDocument.at("materials", i));
        }
        for (int i = 0; i < doc.skins().size(); i++) {
            JsonNode skin = doc.skins().get(i);
            String at = GltfDocument.at("skins", i);
            Json.reference(skin, "inverseBindMatrices", at, doc.accessors().size(), "accessor");
            Json.reference(skin, "skeleton", at, doc.nodes().size(), "node");
            if (!skin.has("joints")) {
                throw Json.missing(skin, "joints", at);
            }
            Json.references(skin, "joints", at, doc.nodes().size(), "node");
        }
        for (int i = 0; i < doc.animations().size(); i++) {
            checkAnimation(doc, doc.animations().get(i), GltfDocument.at("animations", i));
        }
    }

    private static void checkMaterial(GltfDocument doc, JsonNode material, String at) {
        int textures = doc.textures().size();
        JsonNode pbr = Json.object(material, "pbrMetallicRoughness", at);
        if (pbr != null) {
            for (String name : PBR_TEXTURES) {
                textureInfo(pbr, name, at + "/pbrMetallicRoughness", textures);
            }
        }
        for (String name : MATERIAL_TEXTURES) {
            textureInfo(material, name, at, textures);
        }
    }

    private static void textureInfo(JsonNode parent, String name, String at, int textures) {
        JsonNode info = Json.object(parent, name, at);
        if (info != null) {
            Json.requiredReference(info, "index", Json.child(at, name), textures, "texture");
        }
    }

    private static void checkAnimation(GltfDocument doc, JsonNode animation, String at) {
        List<JsonNode> samplers = Json.objects(animation, "samplers", at);
        for (int s = 0; s < samplers.size(); s++) {
            String samplerAt = at + "/samplers/" + s;
            Json.requiredReference(samplers.get(s), "input", samplerAt, doc.accessors().size(), "accessor");
            Json.requiredReference(samplers.get(s), "output", samplerAt, doc.accessors().size(), "accessor");
        }
        List<JsonNode> channels = Json.objects(animation, "channels", at);
        for (int c = 0; c < channels.size(); c++) {
            String channelAt = at + "/channels/" + c;
            Json.requiredReference(channels.get(c), "sampler", channelAt, samplers.size(), "animation sampler");
            JsonNode target = Json.requiredObject(channels.get(c), "target", channelAt);
            Json.reference(target, "node", channelAt + "/target", doc.nodes().size(), "node");
        }
    }
}
