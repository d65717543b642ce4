package io.scenelog.app.bench.sessions;

import java.util.Locale;

/**
 * A video stream's picture size.
 *
 * @param width  pixels across, even
 * @param height pixels down, even
 */
record StreamSize(int width, int height) {

    StreamSize {
        if (width < 16 || height < 16 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("--sizes takes WIDTHxHEIGHT, even, 16x16 to 3840x2160 (e.g. 1280x720), "
                    + "not " + width + "x" + height);
        }
    }

    /** Reads {@code 1280x720}. */
    static StreamSize parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length == 2) {
            try {
                return new StreamSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                // falls through to the message below, which names the form expected
            }
        }
        throw new IllegalArgumentException("--sizes takes WIDTHxHEIGHT (e.g. 640x360), not '" + text + "'");
    }

    /** The encoder's bitrate cap for this size: about 3 bits per 1000 pixels a frame, 500 to 8000 kbit/s. */
    int bitrateKbps() {
        return (int) Math.max(500, Math.min(8000, (long) width * height * 3 / 1000));
    }

    /** The usual name of the size at a frame rate, e.g. {@code 360p30}. */
    String label(int fps) {
        return height + "p" + fps;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
