package io.scenelog.renderer.models.internal;

import io.scenelog.renderer.draw.TextureData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG and JPEG images (the two formats of glTF 2.0 core) into RGBA textures with javax.imageio. The size is
 * read from the header and checked against a budget before any pixel is decoded, so a small file announcing a huge
 * image costs nothing.
 */
public final class ImageDecoder {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private ImageDecoder() {
    }

    /**
     * The image as a texture.
     *
     * @param key       the texture's key
     * @param bytes     a PNG or JPEG file
     * @param maxPixels the largest width × height accepted
     * @throws InvalidImageException when the bytes are no PNG or JPEG, do not decode, or exceed the budget
     */
    public static TextureData decode(String key, byte[] bytes, long maxPixels) {
        String format = startsWith(bytes, PNG_MAGIC) ? "png" : startsWith(bytes, JPEG_MAGIC) ? "jpeg" : null;
        if (format == null) {
            throw new InvalidImageException("the image is neither PNG nor JPEG (the formats glTF 2.0 allows)");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new InvalidImageException("this Java runtime has no " + format + " decoder");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new InvalidImageException("the " + format + " image is " + width + "x" + height
                        + ", beyond the budget of " + maxPixels + " pixels");
            }
            return rgba(key, reader.read(0));
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders of corrupt files throw all kinds of runtime exceptions; each means "does not decode".
            throw new InvalidImageException("the " + format + " image does not decode: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static TextureData rgba(String key, BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgba = new byte[width * height * 4];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            // getRGB converts any colour model (palette, grey, CMYK JPEG...) into sRGB ARGB.
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int at = (y * width + x) * 4;
                rgba[at] = (byte) (argb >>> 16);
                rgba[at + 1] = (byte) (argb >>> 8);
                rgba[at + 2] = (byte) argb;
                rgba[at + 3] = (byte) (argb >>> 24);
            }
        }
        return new TextureData(key, width, height, rgba);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
