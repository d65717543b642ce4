package io.scenelog.app.bench.glass;

import io.scenelog.app.LocalPlatformAccess;
import io.scenelog.streams.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One glass-to-glass run: the platform as {@code scenelog up} runs it (in this JVM, the broker and each session's
 * renderer in processes of their own, like {@code up}), the benchmark's scene and session, then the browser script.
 */
final class GlassBench {

    /** {@code up}'s default commit interval: the pipeline's latency as a user of {@code up} meets it. */
    private static final Duration COMMIT_INTERVAL = StreamsSettings.DEFAULT_COMMIT_INTERVAL;
    /** One session is rendered: the one the page joins. */
    private static final int RENDER_CAPACITY = 1;

    private final GlassBenchSettings settings;
    private final PrintWriter out;

    GlassBench(GlassBenchSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    GlassResults run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("scenelog-glass-");
        Path data = settings.dataDirectory().orElse(work.resolve("data"));
        GlassRun run;
        try {
            progress("Starting the platform as `up` does (data in " + data + ").");
            try (LocalPlatformAccess platform = LocalPlatformAccess.start(data, COMMIT_INTERVAL, RENDER_CAPACITY)) {
                GlassScene scene = GlassScene.create(URI.create(platform.apiUrl()), platform.adminKey());
                progress("Scene " + scene.sceneId() + ", session " + scene.sessionId() + "; headless Chromium makes "
                        + settings.warmupEdits() + " warm-up edits, then " + settings.edits() + " edits"
                        + (settings.inputs() > 0 ? " and " + settings.inputs() + " camera inputs" : "") + " at "
                        + settings.size() + ".");
                try (CommitVisibility visibility = new CommitVisibility(platform.bootstrapServers(),
                        URI.create(platform.registryUrl()), scene.sceneId())) {
                    run = new GlassScript(settings, work).run(platform.viewerUrl(), scene)
                            .withoutWarmup(settings.warmupEdits()).withVisibility(visibility);
                }
            }
        } catch (GlassScriptException e) {
            // The browser's output and its screenshot stay for inspection; the platform's data does not.
            deleteRecursively(work.resolve("data"));
            throw new GlassScriptException(e.getMessage() + "\n(the browser's output and screenshot are kept in "
                    + work + ")", e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteRecursively(work);
            throw e;
        }
        deleteRecursively(work);
        return new GlassResults(settings, run);
    }

    private void progress(String line) {
        out.println(line);
        out.flush();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not delete " + path, e);
                }
            });
        }
    }
}
