package io.scenelog.renderer.vulkan.internal;

import java.awt.image.BufferedImage;

/**
 * Compares two images pixel by pixel: a pixel differs when any channel differs by more than a threshold. Tolerant of
 * the small rounding and anti-aliasing differences between devices, strict about anything visible.
 */
public final class ImageDiff {

    /** How many pixels differ, out of how many, and a picture of where (differing pixels red on dimmed grey). */
    public record Result(long differing, long total, BufferedImage diff) {

        /** The share of differing pixels, 0..1. */
        public double fraction() {
            return total == 0 ? 0 : (double) differing / total;
        }
    }

    private ImageDiff() {
    }

    /**
     * @throws IllegalArgumentException when the sizes differ
     */
    public static Result compare(BufferedImage expected, BufferedImage actual, int channelThreshold) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            throw new IllegalArgumentException("image sizes differ: expected " + expected.getWidth() + "x"
                    + expected.getHeight() + ", actual " + actual.getWidth() + "x" + actual.getHeight());
        }
        BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
        long differing = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                if (maxChannelDifference(a, b) > channelThreshold) {
                    differing++;
                    diff.setRGB(x, y, 0xff0000);
                } else {
                    int grey = ((b >> 16 & 0xff) + (b >> 8 & 0xff) + (b & 0xff)) / 6;
                    diff.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
        }
        return new Result(differing, (long) actual.getWidth() * actual.getHeight(), diff);
    }

    /** The largest difference of the four channels of two ARGB pixels. */
    public static int maxChannelDifference(int a, int b) {
        int max = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            max = Math.max(max, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return max;
    }
}
