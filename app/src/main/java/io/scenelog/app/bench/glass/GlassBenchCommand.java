package io.scenelog.app.bench.glass;

import io.scenelog.app.bench.BenchOutputOptions;
import io.scenelog.app.bench.BenchFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scenelog bench glass}: an edit to the first browser frame showing it, beside the edit's event path. */
@Command(name = "glass", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Glass to glass on localhost: starts the platform as `up` does (one render node), a scene "
                + "with a big cube in the middle of the view and a session; headless Debian Chromium opens the "
                + "viewer page as an editor and flips the cube's colour N times through the page's own Livelink "
                + "connection, timing on the page's clock each edit to the first painted frame showing the new "
                + "colour. The peer, same edits, same page, same clock: the edit's committed SceneEvent arriving on "
                + "the page's connection (no rendering, encoding or decoding); the ratio is glass to glass over "
                + "that event path. Needs node, the viewer's npm packages and /usr/bin/chromium "
                + "(scripts/bootstrap.sh).",
            "Prints a table; --json and --markdown also write the results to files."})
public final class GlassBenchCommand implements Callable<Integer> {

    @Option(names = "--edits", paramLabel = "N", defaultValue = "" + GlassBenchSettings.DEFAULT_EDITS,
            description = "Colour edits measured (default: ${DEFAULT-VALUE}).")
    private int edits;

    @Option(names = "--warmup-edits", paramLabel = "N", defaultValue = "" + GlassBenchSettings.DEFAULT_WARMUP_EDITS,
            description = "Colour edits made first and not measured: the platform's JVMs compile their hot paths "
                    + "over the first seconds (default: ${DEFAULT-VALUE}).")
    private int warmupEdits;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "" + GlassBenchSettings.DEFAULT_INPUTS,
            description = "Camera orbit drags measured after the edits: each from its Input frame to the first "
                    + "paint that changed, beside the camera's event (default: ${DEFAULT-VALUE}).")
    private int inputs;

    @Option(names = "--interval-ms", paramLabel = "MS", defaultValue = "" + GlassBenchSettings.DEFAULT_INTERVAL_MILLIS,
            description = "Pace: one edit every MS, or as soon as the previous one showed if that took longer "
                    + "(default: ${DEFAULT-VALUE}).")
    private long intervalMillis;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = GlassBenchSettings.DEFAULT_SIZE,
            description = "The video size (the canvas at device pixel ratio 1): 640x360 or 1280x720 "
                    + "(default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--edit-timeout-s", paramLabel = "S", defaultValue = ""
            + GlassBenchSettings.DEFAULT_EDIT_TIMEOUT_SECONDS,
            description = "How long one edit may take to show before the run fails (default: ${DEFAULT-VALUE}).")
    private long editTimeoutSeconds;

    @Option(names = "--viewer-dir", paramLabel = "DIR", defaultValue = "livelink-bridge/viewer",
            description = "The viewer page's source folder with e2e/glass-to-glass.mjs and its npm packages "
                    + "(default: ${DEFAULT-VALUE}, relative to the working directory).")
    private Path viewerDirectory;

    @Option(names = "--chromium", paramLabel = "FILE", defaultValue = "/usr/bin/chromium",
            description = "The Chromium executable (default: ${DEFAULT-VALUE}).")
    private Path chromium;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the platform keeps its data (a fresh folder); default: a temporary one, deleted "
                    + "afterwards.")
    private Path dataDirectory;

    @Mixin
    private BenchOutputOptions output;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GlassBenchSettings settings;
        try {
            int[] dimensions = GlassBenchSettings.parseSize(size);
            settings = new GlassBenchSettings(edits, warmupEdits, inputs, Duration.ofMillis(intervalMillis),
                    dimensions[0], dimensions[1], Duration.ofSeconds(editTimeoutSeconds), viewerDirectory, chromium,
                    Optional.ofNullable(dataDirectory), output.json(), output.markdown());
            settings.requireBrowserTools();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        GlassResults results = new GlassBench(settings, out).run();
        BenchFiles.publish(out, results.table(), settings.json(), results.json(), settings.markdown(),
                results.markdown());
        return 0;
    }

}
