package io.scenelog.app.bench.glass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the glass-to-glass benchmark runs.
 *
 * @param edits           colour edits measured
 * @param warmupEdits     colour edits made first and not measured: the platform's JVMs compile their hot paths over
 *                        the first seconds, which a platform that runs for days pays once
 * @param inputs          camera orbit inputs measured after the edits (0: none)
 * @param interval        the pace: each edit goes out this long after the previous one (or as soon as the previous
 *                        one showed, if that took longer)
 * @param width           the video's width (the viewer canvas's size in CSS pixels at device pixel ratio 1)
 * @param height          the video's height
 * @param editTimeout     how long one edit may take to show before the run fails
 * @param viewerDirectory the viewer page's source folder, with {@code e2e/glass-to-glass.mjs} and its npm packages
 * @param chromium        the Chromium executable
 * @param dataDirectory   where the platform keeps its data; empty: a temporary folder, deleted afterwards
 * @param json            where to write the results as JSON, if anywhere
 * @param markdown        where to write them as Markdown, if anywhere
 */
record GlassBenchSettings(int edits, int warmupEdits, int inputs, Duration interval, int width, int height,
        Duration editTimeout, Path viewerDirectory, Path chromium, Optional<Path> dataDirectory, Optional<Path> json,
        Optional<Path> markdown) {

    static final int DEFAULT_EDITS = 200;
    static final int DEFAULT_WARMUP_EDITS = 50;
    /**
     * None by default: the viewer page drops its Livelink connection at the ActionResult of the renderer's first
     * camera commit (a clientSeq beyond 2^53), so an orbit series cannot finish until that is fixed.
     */
    static final int DEFAULT_INPUTS = 0;
    static final int DEFAULT_INTERVAL_MILLIS = 300;
    static final String DEFAULT_SIZE = "640x360";
    static final int DEFAULT_EDIT_TIMEOUT_SECONDS = 10;
    /** The viewer page asks for at most this size (livelink-bridge/viewer/src/video/settings.js). */
    static final int MAX_WIDTH = 1280;
    static final int MAX_HEIGHT = 720;
    static final String SCRIPT = "e2e/glass-to-glass.mjs";

    GlassBenchSettings {
        if (edits < 1 || edits > 10_000) {
            throw new IllegalArgumentException("--edits must be between 1 and 10000, not " + edits);
        }
        if (warmupEdits < 0 || warmupEdits > 10_000) {
            throw new IllegalArgumentException("--warmup-edits must be between 0 and 10000, not " + warmupEdits);
        }
        if (inputs < 0 || inputs > 10_000) {
            throw new IllegalArgumentException("--inputs must be between 0 and 10000, not " + inputs);
        }
        if (interval.toMillis() < 50 || interval.toMillis() > 60_000) {
            throw new IllegalArgumentException("--interval-ms must be between 50 and 60000, not "
                    + interval.toMillis());
        }
        if (editTimeout.toSeconds() < 1 || editTimeout.toSeconds() > 600) {
            throw new IllegalArgumentException("--edit-timeout-s must be between 1 and 600, not "
                    + editTimeout.toSeconds());
        }
        viewerDirectory = viewerDirectory.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.map(directory -> directory.toAbsolutePath().normalize());
    }

    /**
     * Reads a video size: {@code 640x360} or {@code 1280x720}, or any even size up to 1280x720 (the largest the
     * viewer page asks for).
     *
     * @return {width, height}
     */
    static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int width = Integer.parseInt(parts[0]);
                int height = Integer.parseInt(parts[1]);
                if (width >= 16 && height >= 16 && width <= MAX_WIDTH && height <= MAX_HEIGHT && width % 2 == 0
                        && height % 2 == 0) {
                    return new int[] {width, height};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which names the form expected
        }
        throw new IllegalArgumentException("--size takes WIDTHxHEIGHT, even, 16x16 to " + MAX_WIDTH + "x"
                + MAX_HEIGHT + " (e.g. 640x360 or 1280x720), not '" + text + "'");
    }

    /** The size as the tables show it. */
    String size() {
        return width + "x" + height;
    }

    /** The browser script. */
    Path script() {
        return viewerDirectory.resolve(SCRIPT);
    }

    /**
     * Checks that the browser side can run, before the platform is started for nothing.
     *
     * @throws IllegalArgumentException naming what is missing and how to get it
     */
    void requireBrowserTools() {
        if (!Files.isRegularFile(script())) {
            throw new IllegalArgumentException("--viewer-dir " + viewerDirectory + " has no " + SCRIPT
                    + ": run from the repository root or point --viewer-dir at livelink-bridge/viewer");
        }
        if (!Files.isDirectory(viewerDirectory.resolve("node_modules").resolve("playwright-core"))) {
            throw new IllegalArgumentException("The viewer's npm packages are not installed in " + viewerDirectory
                    + "/node_modules: run scripts/bootstrap.sh");
        }
        if (!Files.isExecutable(chromium)) {
            throw new IllegalArgumentException("--chromium " + chromium + " is not an executable: install Debian's "
                    + "chromium (scripts/bootstrap.sh) or name another");
        }
    }
}
