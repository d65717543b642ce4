package io.scenelog.renderer.models.gltf.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Splits a GLB (binary glTF) into its JSON chunk and optional BIN chunk, trusting none of its lengths: each is
 * checked against the bytes really there before anything is read through it.
 *
 * @param json the JSON chunk's bytes
 * @param bin  the BIN chunk (little-endian, position 0), when there is one
 */
public record GlbContainer(byte[] json, Optional<ByteBuffer> bin) {

    private static final int HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int MAGIC = 0x46546C67;
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;

    /** Whether the bytes start with the GLB magic "glTF". */
    public static boolean isGlb(byte[] bytes) {
        return bytes.length >= 4 && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC;
    }

    /** Reads the container. */
    public static GlbContainer read(byte[] bytes) {
        if (bytes.length < HEADER) {
            throw new InvalidGltfException("GLB: " + bytes.length + " bytes are shorter than the 12-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) != MAGIC) {
            throw new InvalidGltfException("GLB: the file does not start with the magic 'glTF'");
        }
        long version = Integer.toUnsignedLong(buffer.getInt(4));
        if (version != 2) {
            throw new InvalidGltfException("GLB: container version " + version + "; only version 2 is supported");
        }
        long declared = Integer.toUnsignedLong(buffer.getInt(8));
        if (declared != bytes.length) {
            throw new InvalidGltfException("GLB: the header announces " + declared + " bytes but the file has "
                    + bytes.length);
        }
        byte[] json = null;
        ByteBuffer bin = null;
        int index = 0;
        for (int offset = HEADER; offset < bytes.length; index++) {
            if (bytes.length - offset < CHUNK_HEADER) {
                throw new InvalidGltfException("GLB: the file ends inside the header of chunk " + index + " at byte "
                        + offset);
            }
            long length = Integer.toUnsignedLong(buffer.getInt(offset));
            int type = buffer.getInt(offset + 4);
            int data = offset + CHUNK_HEADER;
            if (length > bytes.length - data) {
                throw new InvalidGltfException("GLB: chunk " + index + " announces " + length + " bytes but only "
                        + (bytes.length - data) + " follow");
            }
            if (length % 4 != 0) {
                throw new InvalidGltfException("GLB: chunk " + index + " is " + length + " bytes long; chunk lengths"
                        + " must be multiples of 4");
            }
            if (index == 0 && type != CHUNK_JSON) {
                throw new InvalidGltfException("GLB: the first chunk is not the JSON chunk");
            }
            if (type == CHUNK_JSON && index > 0 || type == CHUNK_BIN && index != 1) {
                throw new InvalidGltfException("GLB: chunk " + index + " is a second JSON chunk or a misplaced BIN"
                        + " chunk; a GLB has one JSON chunk first and at most one BIN chunk right after it");
            }
            if (type == CHUNK_JSON) {
                json = Arrays.copyOfRange(bytes, data, data + (int) length);
            } else if (type == CHUNK_BIN) {
                bin = buffer.slice(data, (int) length).order(ByteOrder.LITTLE_ENDIAN);
            }
            // Chunks of other types are extensions' data: skipped, as the specification asks.
            offset = data + (int) length;
        }
        if (json == null) {
            throw new InvalidGltfException("GLB: there are no chunks; a GLB needs at least its JSON chunk");
        }
        return new GlbContainer(json, Optional.ofNullable(bin));
    }
}
