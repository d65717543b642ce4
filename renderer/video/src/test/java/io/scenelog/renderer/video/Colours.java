package io.scenelog.renderer.video;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares decoded colours with what was encoded, within what lossy 4:2:0 coding keeps. */
final class Colours {

    /** Largest difference allowed per channel (0..255) in a flat area. */
    static final int TOLERANCE = 24;

    private Colours() {
    }

    static void assertClose(DecodedFrame frame, int x, int y, int expectedRgb, String what) {
        int actual = frame.rgbaAt(x, y) >>> 8;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int expectedChannel = expectedRgb >> shift & 0xFF;
            int actualChannel = actual >> shift & 0xFF;
            assertThat(Math.abs(expectedChannel - actualChannel))
                    .as("%s at (%d, %d): expected #%06X, decoded #%06X", what, x, y, expectedRgb, actual)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
