package io.scenelog.edge.assets.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes that a glTF buffer or image resolves to, wherever they live (a GLB's BIN chunk, a file of a package, a
 * decoded {@code data:} URI), so the checks read them the same way without loading files into memory.
 */
public interface BinarySource {

    /** How many bytes are present. */
    long length();

    /** A stream over all the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /**
     * The bytes from offset on, for length bytes.
     *
     * @throws IllegalArgumentException when the range is not inside this source (checks run before slicing)
     */
    BinarySource slice(long offset, long length);

    /** Bytes in memory. */
    static BinarySource of(byte[] bytes) {
        return new Memory(bytes, 0, bytes.length);
    }

    /** A range of a file. */
    static BinarySource of(Path file, long offset, long length) {
        return new FileRange(file, offset, length);
    }

    private static void checkRange(long length, long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IllegalArgumentException("Range " + offset + "+" + count + " outside 0.." + length);
        }
    }

    /** A range of an array. */
    record Memory(byte[] bytes, int offset, long length) implements BinarySource {

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes, offset, (int) length);
        }

        @Override
        public BinarySource slice(long from, long count) {
            checkRange(length, from, count);
            return new Memory(bytes, offset + (int) from, count);
        }
    }

    /** A range of a file, read through a channel positioned at its start. */
    record FileRange(Path file, long offset, long length) implements BinarySource {

        @Override
        public InputStream open() throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }

        @Override
        public BinarySource slice(long from, long count) {
            checkRange(length, from, count);
            return new FileRange(file, offset + from, count);
        }
    }
}
