package io.scenelog.renderer.models.gltf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/**
 * Builds glTF documents for tests: a JSON tree the test may still edit, and one binary buffer, written out as a GLB
 * or as a .gltf whose buffer is a given URI.
 */
final class TestGltf {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int UNSIGNED_BYTE = 5121;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int FLOAT = 5126;

    final ObjectNode root = JSON.createObjectNode();
    private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

    TestGltf() {
        root.putObject("asset").put("version", "2.0");
        root.putArray("buffers").addObject();
    }

    ArrayNode array(String name) {
        return root.has(name) ? (ArrayNode) root.get(name) : root.putArray(name);
    }

    ObjectNode at(String array, int index) {
        return (ObjectNode) root.get(array).get(index);
    }

    /** Appends bytes (4-byte aligned) as a new bufferView. */
    int view(byte[] data) {
        while (bin.size() % 4 != 0) {
            bin.write(0);
        }
        ObjectNode view = array("bufferViews").addObject();
        view.put("buffer", 0).put("byteOffset", bin.size()).put("byteLength", data.length);
        bin.writeBytes(data);
        return array("bufferViews").size() - 1;
    }

    int accessor(int view, int componentType, String type, int count) {
        ObjectNode accessor = array("accessors").addObject();
        accessor.put("bufferView", view).put("componentType", componentType).put("type", type).put("count", count);
        return array("accessors").size() - 1;
    }

    int floats(String type, float... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            data.putFloat(value);
        }
        int components = type.equals("SCALAR") ? 1 : type.charAt(3) - '0';
        return accessor(view(data.array()), FLOAT, type, values.length / components);
    }

    int indices(int componentType, int... indices) {
        int size = componentType == UNSIGNED_BYTE ? 1 : componentType == UNSIGNED_SHORT ? 2 : 4;
        ByteBuffer data = ByteBuffer.allocate(indices.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int index : indices) {
            if (size == 1) {
                data.put((byte) index);
            } else if (size == 2) {
                data.putShort((short) index);
            } else {
                data.putInt(index);
            }
        }
        return accessor(view(data.array()), componentType, "SCALAR", indices.length);
    }

    /** Adds a primitive to a mesh (creating meshes up to it) and returns it for the test to fill. */
    ObjectNode primitive(int mesh) {
        ArrayNode meshes = array("meshes");
        while (meshes.size() <= mesh) {
            meshes.addObject().putArray("primitives");
        }
        return ((ArrayNode) meshes.get(mesh).get("primitives")).addObject();
    }

    int node(ObjectNode node) {
        array("nodes").add(node);
        return array("nodes").size() - 1;
    }

    void scene(int... nodes) {
        ArrayNode list = array("scenes").addObject().putArray("nodes");
        for (int node : nodes) {
            list.add(node);
        }
        root.put("scene", array("scenes").size() - 1);
    }

    /** An image stored in a bufferView. */
    int imageInView(byte[] encoded, String mimeType) {
        array("images").addObject().put("bufferView", view(encoded)).put("mimeType", mimeType);
        return array("images").size() - 1;
    }

    int texture(int image) {
        array("textures").addObject().put("source", image);
        return array("textures").size() - 1;
    }

    byte[] binary() {
        return bin.toByteArray();
    }

    byte[] glb() {
        at("buffers", 0).put("byteLength", Math.max(bin.size(), 1));
        return glb(jsonBytes(), paddedBin());
    }

    /** The JSON of a .gltf whose buffer 0 is at this URI. */
    byte[] gltf(String bufferUri) {
        at("buffers", 0).put("byteLength", Math.max(bin.size(), 1)).put("uri", bufferUri);
        return jsonBytes();
    }

    byte[] jsonBytes() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] paddedBin() {
        byte[] data = bin.toByteArray();
        byte[] padded = new byte[Math.max((data.length + 3) / 4 * 4, 4)];
        System.arraycopy(data, 0, padded, 0, data.length);
        return padded;
    }

    /** A GLB of a JSON chunk (padded with spaces) and a BIN chunk (already padded), or none when bin is null. */
    static byte[] glb(byte[] json, byte[] bin) {
        int jsonLength = (json.length + 3) / 4 * 4;
        int total = 12 + 8 + jsonLength + (bin == null ? 0 : 8 + bin.length);
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(total);
        out.putInt(jsonLength).putInt(0x4E4F534A).put(json);
        for (int i = json.length; i < jsonLength; i++) {
            out.put((byte) ' ');
        }
        if (bin != null) {
            out.putInt(bin.length).putInt(0x004E4942).put(bin);
        }
        return out.array();
    }

    /** An image of 2 × 2 pixels: red, green / blue, white (opaque), encoded as png or jpeg. */
    static byte[] image(String format, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean left = x < size / 2;
                boolean top = y < size / 2;
                image.setRGB(x, y, top ? (left ? 0xff0000 : 0x00ff00) : (left ? 0x0000ff : 0xffffff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A unit quad in the xy plane facing +z (two triangles, indexed with u16), uvs 0..1, with a material whose
     * base-colour texture is a PNG in a bufferView. Mesh 0, material 0, one node at the origin, scene 0.
     */
    static TestGltf texturedQuad() {
        TestGltf gltf = new TestGltf();
        int positions = gltf.floats("VEC3", 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0);
        int normals = gltf.floats("VEC3", 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        int uvs = gltf.floats("VEC2", 0, 1, 1, 1, 1, 0, 0, 0);
        int indices = gltf.indices(UNSIGNED_SHORT, 0, 1, 2, 0, 2, 3);
        ObjectNode primitive = gltf.primitive(0);
        primitive.putObject("attributes").put("POSITION", positions).put("NORMAL", normals).put("TEXCOORD_0", uvs);
        primitive.put("indices", indices).put("material", 0);
        int texture = gltf.texture(gltf.imageInView(image("png", 2), "image/png"));
        ObjectNode pbr = gltf.array("materials").addObject().putObject("pbrMetallicRoughness");
        pbr.putArray("baseColorFactor").add(0.5).add(0.25).add(1.0).add(1.0);
        pbr.put("metallicFactor", 0.1).put("roughnessFactor", 0.7);
        pbr.putObject("baseColorTexture").put("index", texture);
        gltf.scene(gltf.node(JSON.createObjectNode().put("mesh", 0)));
        return gltf;
    }
}
