package io.scenelog.renderer.vulkan.internal;

import io.scenelog.renderer.draw.RenderedFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Rendered frames as images and PNG files. */
public final class FrameImages {

    private FrameImages() {
    }

    /** A copy of the frame's pixels as an ARGB image. */
    public static BufferedImage toImage(RenderedFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int rgba = frame.pixel(x, y);
                image.setRGB(x, y, rgba >>> 8 | rgba << 24);
            }
        }
        return image;
    }

    /** Writes the image as a PNG, creating the directory. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    /** Reads a PNG. */
    public static BufferedImage readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image");
        }
        return image;
    }
}
