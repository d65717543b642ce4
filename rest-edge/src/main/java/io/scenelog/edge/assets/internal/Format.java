package io.scenelog.edge.assets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The formats an upload may have, recognised by their first bytes only: a file name or a declared content type is
 * the sender's claim, the magic bytes are what a parser will actually see.
 */
public enum Format {
    GLB(new byte[] {'g', 'l', 'T', 'F'}),
    ZIP(new byte[] {'P', 'K', 3, 4}),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private static final int LONGEST_MAGIC = 8;

    private final byte[] magic;

    Format(byte[] magic) {
        this.magic = magic;
    }

    /** The format whose magic starts the file, or null when none does. */
    public static Format sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(LONGEST_MAGIC);
        }
        return sniff(head);
    }

    /** The format whose magic starts the bytes, or null when none does. */
    public static Format sniff(byte[] head) {
        for (Format format : values()) {
            if (head.length >= format.magic.length
                    && Arrays.equals(head, 0, format.magic.length, format.magic, 0, format.magic.length)) {
                return format;
            }
        }
        return null;
    }
}
