package io.scenelog.renderer.models.gltf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ready-made model files for tests outside this package. */
public final class TestGltfs {

    private TestGltfs() {
    }

    /** A GLB of a textured unit quad (see {@link TestGltf#texturedQuad()}). */
    public static byte[] texturedQuadGlb() {
        return TestGltf.texturedQuad().glb();
    }

    /** The same quad with another red base-colour factor, so that the file differs. */
    public static byte[] texturedQuadGlbWithColor(double red) {
        TestGltf gltf = TestGltf.texturedQuad();
        ObjectNode pbr = (ObjectNode) gltf.at("materials", 0).get("pbrMetallicRoughness");
        ((ArrayNode) pbr.get("baseColorFactor")).set(0, red);
        return gltf.glb();
    }

    /** A 2 × 2 PNG: red, green / blue, white. */
    public static byte[] png() {
        return TestGltf.image("png", 2);
    }
}
