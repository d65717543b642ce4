package io.scenelog.edge.assets.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads the GLB container (the 12-byte header and the chunk table) and trusts none of its numbers: every length is
 * checked against the bytes really present before anything is read through it. Only the JSON chunk is loaded; the
 * BIN chunk stays a range of the file.
 */
public final class GlbContainer {

    private static final int HEADER = 12;
    private static final int CHUNK_HEADER = 8;
    private static final int MAGIC = 0x46546C67;
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;

    /**
     * A parsed container.
     *
     * @param json the JSON chunk's bytes (with its trailing padding spaces)
     * @param bin the BIN chunk, when there is one
     */
    public record GlbFile(byte[] json, Optional<BinarySource> bin) {
    }

    private GlbContainer() {
    }

    /** Reads the container of a file that starts with the GLB magic. */
    public static GlbFile read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long actual = channel.size();
            if (actual < HEADER) {
                throw Rule.GLB_TRUNCATED.with("The GLB is only " + actual + " bytes long, shorter than its 12-byte"
                        + " header; the upload looks cut off.", "offset", actual);
            }
            ByteBuffer header = readAt(channel, 0, HEADER);
            if (header.getInt(0) != MAGIC) {
                throw Rule.GLB_VERSION.with("The file does not start with the GLB magic 'glTF'.", "offset", 0);
            }
            long version = Integer.toUnsignedLong(header.getInt(4));
            if (version != 2) {
                throw Rule.GLB_VERSION.with("The GLB container is version " + version + "; only version 2 (glTF 2.0)"
                        + " is supported.", "offset", 4);
            }
            long declared = Integer.toUnsignedLong(header.getInt(8));
            if (declared > actual) {
                throw Rule.GLB_TRUNCATED.with("The GLB header announces " + declared + " bytes but the file has only "
                        + actual + "; the upload looks cut off.", "offset", actual);
            }
            if (declared != actual) {
                throw Rule.GLB_LENGTH_MISMATCH.with("The GLB header announces " + declared + " bytes but the file has "
                        + actual + "; the header's length must be the file's length.", "offset", 8);
            }
            return readChunks(channel, file, actual);
        }
    }

    private static GlbFile readChunks(FileChannel channel, Path file, long length) throws IOException {
        byte[] json = null;
        BinarySource bin = null;
        int index = 0;
        for (long offset = HEADER; offset < length; index++) {
            if (length - offset < CHUNK_HEADER) {
                throw Rule.GLB_TRUNCATED.with("The GLB ends inside the header of chunk " + index + " at byte "
                        + offset + ".", "offset", offset);
            }
            ByteBuffer chunkHeader = readAt(channel, offset, CHUNK_HEADER);
            long chunkLength = Integer.toUnsignedLong(chunkHeader.getInt(0));
            int type = chunkHeader.getInt(4);
            long data = offset + CHUNK_HEADER;
            if (chunkLength > length - data) {
                throw Rule.GLB_TRUNCATED.with("Chunk " + index + " of the GLB announces " + chunkLength + " bytes"
                        + " but only " + (length - data) + " follow.", "offset", offset);
            }
            if (chunkLength % 4 != 0) {
                throw Rule.GLB_CHUNK_MISALIGNED.with("Chunk " + index + " of the GLB is " + chunkLength + " bytes"
                        + " long; chunk lengths must be multiples of 4.", "offset", offset);
            }
            if (index == 0 && type != CHUNK_JSON) {
                throw Rule.GLB_CHUNK_ORDER.with("The first chunk of the GLB is not its JSON chunk.", "offset", offset);
            }
            if (type == CHUNK_JSON && index > 0 || type == CHUNK_BIN && index != 1) {
                throw Rule.GLB_CHUNK_ORDER.with("Chunk " + index + " of the GLB is a second JSON chunk or a BIN chunk"
                        + " out of place; a GLB has one JSON chunk first and at most one BIN chunk right after it.",
                        "offset", offset);
            }
            if (type == CHUNK_JSON) {
                if (chunkLength > Integer.MAX_VALUE - CHUNK_HEADER) {
                    throw Rule.JSON_MALFORMED.with("The GLB's JSON chunk is too large to parse.", "offset", offset);
                }
                json = readAt(channel, data, (int) chunkLength).array();
            } else if (type == CHUNK_BIN) {
                bin = BinarySource.of(file, data, chunkLength);
            }
            offset = data + chunkLength;
        }
        if (json == null) {
            throw Rule.GLB_CHUNK_ORDER.with("The GLB has no chunks; it needs at least its JSON chunk.", "offset",
                    HEADER);
        }
        return new GlbFile(json, Optional.ofNullable(bin));
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw Rule.GLB_TRUNCATED.with("The GLB ended while being read at byte " + (position
                        + buffer.position()) + ".", "offset", position + buffer.position());
            }
        }
        return buffer;
    }
}
