package io.scenelog.edge.assets.internal;

import io.scenelog.edge.assets.AssetRejectedException;
import io.scenelog.edge.assets.IngestedAsset;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The header checks a PNG or JPEG must pass before a renderer's decoder sees it: a PNG's IHDR chunk (length, CRC,
 * dimensions), a JPEG's SOI and a frame header before the scan. Dimensions are capped so that a tiny file cannot
 * announce a gigapixel texture.
 */
public final class ImageChecks {

    /** The largest width or height accepted, the common maximum texture size of GPUs. */
    public static final int MAX_DIMENSION = 16_384;

    private static final int PNG_HEAD = 33;
    private static final int IHDR_LENGTH = 13;

    private ImageChecks() {
    }

    /**
     * Checks an image of any accepted format and returns its media type.
     *
     * @param subject how messages name the image, e.g. "Image 2"
     * @param pointer where the image is in the glTF, or null for an upload of its own
     */
    public static String check(BinarySource source, String subject, String pointer) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(8);
        }
        Format format = Format.sniff(head);
        if (format == Format.PNG) {
            checkPng(source, subject, pointer);
            return IngestedAsset.PNG_MEDIA_TYPE;
        }
        if (format == Format.JPEG) {
            checkJpeg(source, subject, pointer);
            return IngestedAsset.JPEG_MEDIA_TYPE;
        }
        throw reject(Rule.IMAGE_FORMAT, pointer, subject + " is neither a PNG nor a JPEG (judged by its first bytes);"
                + " glTF textures must be one of the two.");
    }

    /** Checks the IHDR chunk of a PNG (signature already seen). */
    public static void checkPng(BinarySource source, String subject, String pointer) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(PNG_HEAD);
        }
        if (head.length < PNG_HEAD) {
            throw reject(Rule.PNG_MALFORMED, pointer, subject + " is a PNG cut short before the end of its IHDR"
                    + " header (" + head.length + " bytes).");
        }
        ByteBuffer bytes = ByteBuffer.wrap(head);
        int length = bytes.getInt(8);
        boolean ihdr = head[12] == 'I' && head[13] == 'H' && head[14] == 'D' && head[15] == 'R';
        if (length != IHDR_LENGTH || !ihdr) {
            throw reject(Rule.PNG_MALFORMED, pointer, subject + " is a PNG whose first chunk is not a 13-byte IHDR"
                    + " header.");
        }
        CRC32 crc = new CRC32();
        crc.update(head, 12, 4 + IHDR_LENGTH);
        if ((int) crc.getValue() != bytes.getInt(12 + 4 + IHDR_LENGTH)) {
            throw reject(Rule.PNG_MALFORMED, pointer, subject + " is a PNG whose IHDR header fails its checksum.");
        }
        checkDimensions(Integer.toUnsignedLong(bytes.getInt(16)), Integer.toUnsignedLong(bytes.getInt(20)),
                subject, pointer);
    }

    /** Walks the marker segments of a JPEG up to its frame header (SOF), which must come before the scan. */
    public static void checkJpeg(BinarySource source, String subject, String pointer) throws IOException {
        try (InputStream in = new BufferedInputStream(source.open())) {
            if (in.read() != 0xFF || in.read() != 0xD8) {
                throw reject(Rule.JPEG_MALFORMED, pointer, subject + " does not start with a JPEG SOI marker.");
            }
            while (true) {
                int marker = nextMarker(in, subject, pointer);
                if (isStandalone(marker)) {
                    continue;
                }
                if (marker == 0xDA || marker == 0xD9) {
                    break;
                }
                int length = (in.read() << 8) | in.read();
                if (length < 2) {
                    break;
                }
                if (isStartOfFrame(marker)) {
                    byte[] frame = in.readNBytes(5);
                    if (frame.length < 5) {
                        break;
                    }
                    int height = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
                    int width = ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
                    checkDimensions(width, height, subject, pointer);
                    return;
                }
                in.skipNBytes(length - 2L);
            }
        } catch (EOFException truncated) {
            throw reject(Rule.JPEG_MALFORMED, pointer, subject + " is a JPEG cut short before its frame header.");
        }
        throw reject(Rule.JPEG_MALFORMED, pointer, subject + " is a JPEG without a frame header (SOF) before its"
                + " image data.");
    }

    private static int nextMarker(InputStream in, String subject, String pointer) throws IOException {
        int b = in.read();
        if (b != 0xFF) {
            throw reject(Rule.JPEG_MALFORMED, pointer, subject + " is a JPEG with "
                    + (b < 0 ? "no frame header (SOF) before its end." : "bytes between its header segments."));
        }
        int marker = in.read();
        while (marker == 0xFF) {
            marker = in.read();
        }
        if (marker < 0) {
            throw new EOFException();
        }
        return marker;
    }

    private static boolean isStandalone(int marker) {
        return marker == 0x01 || marker >= 0xD0 && marker <= 0xD8;
    }

    // SOF0..SOF15 minus DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static void checkDimensions(long width, long height, String subject, String pointer) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw reject(Rule.IMAGE_DIMENSIONS, pointer, subject + " is " + width + " x " + height + " pixels;"
                    + " width and height must each be between 1 and " + MAX_DIMENSION + ".");
        }
    }

    private static AssetRejectedException reject(Rule rule, String pointer, String message) {
        return pointer == null ? rule.with(message) : rule.at(pointer, message + " (at " + pointer + ")");
    }
}
