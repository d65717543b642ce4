package io.scenelog.app.bench.frames;

import io.scenelog.renderer.video.VideoCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the frame-pipeline benchmark runs.
 *
 * @param frames    measured frames per viewer size and codec
 * @param warmup    frames rendered, encoded and sent first, not measured (JIT, encoder rate control)
 * @param entities  lit entities in the fixed scene
 * @param sizes     the viewers' picture sizes
 * @param codecs    the codecs each size is encoded with
 * @param peer      whether FFmpeg's own program encodes the same frames as the peer
 * @param json      where to write the results as JSON, if anywhere
 * @param markdown  where to write them as Markdown, if anywhere
 */
record FramesBenchSettings(int frames, int warmup, int entities, List<ViewerSize> sizes, List<VideoCodec> codecs,
        boolean peer, Optional<Path> json, Optional<Path> markdown) {

    static final int DEFAULT_FRAMES = 150;
    static final int DEFAULT_WARMUP = 30;
    static final int DEFAULT_ENTITIES = 300;

    FramesBenchSettings {
        if (frames < 10 || frames > 10_000) {
            throw new IllegalArgumentException("--frames must be between 10 and 10000, not " + frames);
        }
        if (warmup < 0 || warmup > 10_000) {
            throw new IllegalArgumentException("--warmup must be between 0 and 10000, not " + warmup);
        }
        if (entities < 1 || entities > 10_000) {
            throw new IllegalArgumentException("--entities must be between 1 and 10000, not " + entities);
        }
        if (sizes.isEmpty() || codecs.isEmpty()) {
            throw new IllegalArgumentException("--sizes and --codecs must name at least one each");
        }
        sizes = List.copyOf(sizes);
        codecs = List.copyOf(codecs);
    }

    /**
     * A viewer's picture size.
     *
     * @param width  pixels across, even
     * @param height pixels down, even
     */
    record ViewerSize(int width, int height) {

        /** Reads {@code 1280x720}. */
        static ViewerSize parse(String text) {
            String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    ViewerSize size = new ViewerSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                    if (size.width >= 16 && size.height >= 16 && size.width <= 3840 && size.height <= 2160
                            && size.width % 2 == 0 && size.height % 2 == 0) {
                        return size;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below, which names the form expected
            }
            throw new IllegalArgumentException("--sizes takes WIDTHxHEIGHT, even, 16x16 to 3840x2160 (e.g. "
                    + "1280x720), not '" + text + "'");
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** Reads a codec name as the option gives it: {@code h264} or {@code vp8}. */
    static VideoCodec codec(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "h264", "avc", "avc1.42e01f" -> VideoCodec.H264_CONSTRAINED_BASELINE;
            case "vp8" -> VideoCodec.VP8;
            default -> throw new IllegalArgumentException("--codecs takes h264 and vp8, not '" + name + "'");
        };
    }

    /** The codec's short name in tables. */
    static String label(VideoCodec codec) {
        return codec == VideoCodec.VP8 ? "vp8" : "h264";
    }
}
