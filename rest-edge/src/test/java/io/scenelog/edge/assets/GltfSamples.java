package io.scenelog.edge.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Valid glTF assets built in code, for the asset tests and for the HTTP tests that upload them: a textured unit
 * cube (24 vertices with positions, normals and uvs, 36 indices, one material whose baseColorTexture is a generated
 * PNG), as a GLB or as a zip package. The parts are exposed so that a test can break exactly one thing.
 */
public final class GltfSamples {

    /** Triangles of one cube. */
    public static final int CUBE_TRIANGLES = 12;
    /** Name of the glTF inside {@link #texturedCubePackageZip()}. */
    public static final String PACKAGE_GLTF = "cube.gltf";
    /** Name of the geometry buffer inside {@link #texturedCubePackageZip()}. */
    public static final String PACKAGE_BIN = "cube.bin";
    /** Name of the texture inside {@link #texturedCubePackageZip()}. */
    public static final String PACKAGE_PNG = "textures/cube.png";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERTICES = 24;
    private static final int INDICES = 36;
    private static final int POSITIONS_BYTES = VERTICES * 12;
    private static final int UV_BYTES = VERTICES * 8;
    private static final int INDEX_BYTES = INDICES * 2;
    /** Geometry: positions, normals, uvs, indices, each 4-byte aligned. */
    private static final int GEOMETRY_BYTES = 2 * POSITIONS_BYTES + UV_BYTES + INDEX_BYTES;
    private static final int TEXTURE_SIZE = 8;

    /**
     * A glTF JSON document with the binary chunk it uses (for a package: the bytes of {@link #PACKAGE_BIN}).
     *
     * @param json the document, mutable: tests edit it
     * @param bin the binary data
     */
    public record Gltf(ObjectNode json, byte[] bin) {
    }

    private GltfSamples() {
    }

    /** The textured cube as a self-contained GLB: geometry and PNG in the BIN chunk. */
    public static byte[] cubeGlb() {
        Gltf cube = cubeGlbParts();
        return glb(cube.json(), cube.bin());
    }

    /** The textured cube as a zip: {@code cube.gltf}, {@code cube.bin} and {@code textures/cube.png}. */
    public static byte[] texturedCubePackageZip() {
        return packageZip(cubePackageParts().json());
    }

    /** The GLB form of the cube, in parts: buffer 0 is the BIN chunk, image 0 is in bufferView 4. */
    public static Gltf cubeGlbParts() {
        byte[] png = png(TEXTURE_SIZE, TEXTURE_SIZE);
        int pngPadded = (png.length + 3) / 4 * 4;
        ByteBuffer bin = ByteBuffer.allocate(GEOMETRY_BYTES + pngPadded).order(ByteOrder.LITTLE_ENDIAN);
        bin.put(geometry()).put(png);
        ObjectNode json = cubeJson(GEOMETRY_BYTES + png.length);
        ((ObjectNode) json.get("buffers").get(0)).remove("uri");
        ((ArrayNode) json.get("bufferViews")).addObject().put("buffer", 0).put("byteOffset", GEOMETRY_BYTES)
                .put("byteLength", png.length);
        ((ArrayNode) json.get("images")).addObject().put("bufferView", 4).put("mimeType", "image/png");
        return new Gltf(json, bin.array());
    }

    /** The package form of the cube, in parts: the JSON refers to {@link #PACKAGE_BIN} and {@link #PACKAGE_PNG}. */
    public static Gltf cubePackageParts() {
        ObjectNode json = cubeJson(GEOMETRY_BYTES);
        ((ArrayNode) json.get("images")).addObject().put("uri", PACKAGE_PNG);
        return new Gltf(json, geometry());
    }

    /** A zip of the given glTF as {@link #PACKAGE_GLTF} with the cube's bin and texture beside it. */
    public static byte[] packageZip(JsonNode gltf) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PACKAGE_GLTF, json(gltf));
        entries.put(PACKAGE_BIN, geometry());
        entries.put(PACKAGE_PNG, png(TEXTURE_SIZE, TEXTURE_SIZE));
        return zip(entries);
    }

    /** A GLB of a JSON document and an optional BIN chunk (null for none), padded as the format requires. */
    public static byte[] glb(JsonNode json, byte[] bin) {
        return glb(json.toString(), bin);
    }

    /** A GLB of JSON text (valid or not) and an optional BIN chunk (null for none). */
    public static byte[] glb(String json, byte[] bin) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int jsonLength = (text.length + 3) / 4 * 4;
        int binLength = bin == null ? 0 : (bin.length + 3) / 4 * 4;
        int total = 12 + 8 + jsonLength + (bin == null ? 0 : 8 + binLength);
        ByteBuffer glb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(0x46546C67).putInt(2).putInt(total);
        glb.putInt(jsonLength).putInt(0x4E4F534A).put(text);
        for (int i = text.length; i < jsonLength; i++) {
            glb.put((byte) ' ');
        }
        if (bin != null) {
            glb.putInt(binLength).putInt(0x004E4942).put(bin);
        }
        return glb.array();
    }

    /** A zip of the entries in their order (directories: names ending in '/', with empty content). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A w x h PNG with a two-colour checker pattern. */
    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    /** A w x h JPEG with a two-colour checker pattern. */
    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg");
    }

    /** The JSON as UTF-8 bytes. */
    public static byte[] json(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                graphics.setColor((x + y) % 2 == 0 ? Color.ORANGE : Color.DARK_GRAY);
                graphics.fillRect(x, y, 1, 1);
            }
        }
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Everything but the image: buffer 0 (uri cube.bin), 4 bufferViews, 4 accessors, mesh, material, node. */
    private static ObjectNode cubeJson(int bufferLength) {
        ObjectNode json = JSON.createObjectNode();
        json.putObject("asset").put("version", "2.0").put("generator", "Scenelog GltfSamples");
        json.put("scene", 0);
        json.putArray("scenes").addObject().putArray("nodes").add(0);
        json.putArray("nodes").addObject().put("name", "cube").put("mesh", 0);
        ObjectNode primitive = json.putArray("meshes").addObject().put("name", "cube").putArray("primitives")
                .addObject();
        primitive.putObject("attributes").put("POSITION", 0).put("NORMAL", 1).put("TEXCOORD_0", 2);
        primitive.put("indices", 3).put("material", 0).put("mode", 4);
        json.putArray("materials").addObject().put("name", "checker").putObject("pbrMetallicRoughness")
                .put("metallicFactor", 0.0).putObject("baseColorTexture").put("index", 0);
        json.putArray("textures").addObject().put("source", 0).put("sampler", 0);
        json.putArray("samplers").addObject().put("magFilter", 9728).put("minFilter", 9728);
        json.putArray("images");
        json.putArray("buffers").addObject().put("uri", PACKAGE_BIN).put("byteLength", bufferLength);
        ArrayNode views = json.putArray("bufferViews");
        views.addObject().put("buffer", 0).put("byteOffset", 0).put("byteLength", POSITIONS_BYTES)
                .put("target", 34962);
        views.addObject().put("buffer", 0).put("byteOffset", POSITIONS_BYTES).put("byteLength", POSITIONS_BYTES)
                .put("target", 34962);
        views.addObject().put("buffer", 0).put("byteOffset", 2 * POSITIONS_BYTES).put("byteLength", UV_BYTES)
                .put("target", 34962);
        views.addObject().put("buffer", 0).put("byteOffset", 2 * POSITIONS_BYTES + UV_BYTES)
                .put("byteLength", INDEX_BYTES).put("target", 34963);
        ArrayNode accessors = json.putArray("accessors");
        ObjectNode positions = accessors.addObject().put("bufferView", 0).put("componentType", 5126)
                .put("count", VERTICES).put("type", "VEC3");
        positions.putArray("min").add(-0.5).add(-0.5).add(-0.5);
        positions.putArray("max").add(0.5).add(0.5).add(0.5);
        accessors.addObject().put("bufferView", 1).put("componentType", 5126).put("count", VERTICES)
                .put("type", "VEC3");
        accessors.addObject().put("bufferView", 2).put("componentType", 5126).put("count", VERTICES)
                .put("type", "VEC2");
        accessors.addObject().put("bufferView", 3).put("componentType", 5123).put("count", INDICES)
                .put("type", "SCALAR");
        return json;
    }

    /** Positions, normals, uvs and indices of a unit cube with one quad (4 vertices) per face. */
    private static byte[] geometry() {
        float[][] normals = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        float[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        ByteBuffer positions = ByteBuffer.allocate(POSITIONS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer normalData = ByteBuffer.allocate(POSITIONS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer uvs = ByteBuffer.allocate(UV_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer indices = ByteBuffer.allocate(INDEX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int face = 0; face < normals.length; face++) {
            float[] n = normals[face];
            float[] u = {n[1], n[2], n[0]};
            float[] v = {n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0]};
            for (float[] corner : corners) {
                for (int axis = 0; axis < 3; axis++) {
                    positions.putFloat(0.5f * (n[axis] + corner[0] * u[axis] + corner[1] * v[axis]));
                    normalData.putFloat(n[axis]);
                }
                uvs.putFloat((corner[0] + 1) / 2).putFloat((1 - corner[1]) / 2);
            }
            int base = face * 4;
            for (int index : new int[] {0, 1, 2, 0, 2, 3}) {
                indices.putShort((short) (base + index));
            }
        }
        return ByteBuffer.allocate(GEOMETRY_BYTES).put(positions.array()).put(normalData.array()).put(uvs.array())
                .put(indices.array()).array();
    }
}
