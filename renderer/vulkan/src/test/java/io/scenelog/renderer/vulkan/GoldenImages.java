package io.scenelog.renderer.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.vulkan.internal.FrameImages;
import io.scenelog.renderer.vulkan.internal.ImageDiff;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered frames with reference PNGs in src/test/resources/golden. A pixel differs when a channel is off
 * by more than {@value #CHANNEL_THRESHOLD}; a frame fails when more than {@value #MAX_DIFFERING_PERCENT} % of its
 * pixels differ. On failure actual.png, expected.png and diff.png go to target/golden-failures/NAME/.
 * {@code -Dgolden.update=true} rewrites the references instead.
 */
final class GoldenImages {

    static final int CHANNEL_THRESHOLD = 24;
    static final double MAX_DIFFERING_PERCENT = 1.0;
    private static final Path REFERENCES = Path.of("src", "test", "resources", "golden");
    private static final Path FAILURES = Path.of("target", "golden-failures");

    private GoldenImages() {
    }

    static void assertMatches(String name, RenderedFrame frame) throws IOException {
        BufferedImage actual = FrameImages.toImage(frame);
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("golden.update")) {
            FrameImages.writePng(actual, reference);
            return;
        }
        Path failures = FAILURES.resolve(name);
        if (!Files.exists(reference)) {
            FrameImages.writePng(actual, failures.resolve("actual.png"));
            throw new AssertionError("no reference image " + reference.toAbsolutePath() + "; the frame is in "
                    + failures.toAbsolutePath() + " (run with -Dgolden.update=true to accept it)");
        }
        BufferedImage expected = FrameImages.readPng(reference);
        assertThat(actual.getWidth()).as("width of %s", name).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as("height of %s", name).isEqualTo(expected.getHeight());
        ImageDiff.Result diff = ImageDiff.compare(expected, actual, CHANNEL_THRESHOLD);
        if (diff.fraction() * 100 > MAX_DIFFERING_PERCENT) {
            FrameImages.writePng(actual, failures.resolve("actual.png"));
            FrameImages.writePng(expected, failures.resolve("expected.png"));
            FrameImages.writePng(diff.diff(), failures.resolve("diff.png"));
            throw new AssertionError(String.format("%s: %.2f %% of the pixels differ from %s (at most %.2f %% may);"
                    + " see %s", name, diff.fraction() * 100, reference, MAX_DIFFERING_PERCENT,
                    failures.toAbsolutePath()));
        }
    }
}
