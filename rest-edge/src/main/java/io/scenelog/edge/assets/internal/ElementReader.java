package io.scenelog.edge.assets.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the unsigned integer elements of an accessor-like range (indices), in blocks, so that checking millions
 * of indices reads each byte once and holds a few kilobytes.
 */
final class ElementReader {

    private static final int BATCH = 4096;

    /** Receives each element; may throw to stop. */
    interface Visitor {
        void visit(long index, long value);
    }

    private ElementReader() {
    }

    /**
     * Reads count elements of size bytes (1, 2 or 4, little-endian, unsigned), stride bytes apart, from the start
     * of source; the caller has checked that they lie inside it.
     */
    static void forEach(BinarySource source, int size, int stride, long count, Visitor visitor) throws IOException {
        long total = (count - 1) * stride + size;
        byte[] block = new byte[stride * BATCH];
        long index = 0;
        try (InputStream in = source.slice(0, total).open()) {
            while (index < count) {
                long elements = Math.min(BATCH, count - index);
                int bytes = (int) ((elements - 1) * stride + size);
                if (in.readNBytes(block, 0, bytes) != bytes) {
                    throw new EOFException("Element data ended early although its bounds were checked");
                }
                for (int e = 0; e < elements; e++) {
                    visitor.visit(index++, unsigned(block, e * stride, size));
                }
                if (index < count) {
                    in.skipNBytes(stride - size);
                }
            }
        }
    }

    private static long unsigned(byte[] bytes, int at, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
