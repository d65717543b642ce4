package io.scenelog.app.bench.glass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code livelink-bridge/viewer/e2e/glass-to-glass.mjs} with Node: headless Debian Chromium (through
 * playwright-core, which never downloads a browser here) opens the viewer page as an editor and times each edit on
 * the page's clock. Bounded in time: a run that overstays is killed and reported with what it printed.
 */
final class GlassScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Launching Chromium, joining, and the renderer process starting its first stream. */
    private static final Duration START_ALLOWANCE = Duration.ofMinutes(3);

    private final GlassBenchSettings settings;
    private final Path workDirectory;

    GlassScript(GlassBenchSettings settings, Path workDirectory) {
        this.settings = settings;
        this.workDirectory = workDirectory;
    }

    /** Drives the browser through every edit and reads its report. */
    GlassRun run(String viewerUrl, GlassScene scene) throws IOException, InterruptedException {
        Path output = workDirectory.resolve("glass-to-glass.out");
        ProcessBuilder builder = new ProcessBuilder("node", GlassBenchSettings.SCRIPT, options(viewerUrl, scene))
                .directory(settings.viewerDirectory().toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        Duration deadline = deadline();
        if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new GlassScriptException(GlassBenchSettings.SCRIPT + " did not finish within " + deadline.toSeconds()
                    + " s:\n" + Files.readString(output));
        }
        return GlassRun.parse(Files.readString(output));
    }

    /** The longest a run may take: starting up, then every edit at its pace or its timeout. */
    Duration deadline() {
        return START_ALLOWANCE.plus(settings.interval().plus(settings.editTimeout())
                .multipliedBy((long) settings.warmupEdits() + settings.edits() + settings.inputs()));
    }

    String options(String viewerUrl, GlassScene scene) throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("pageUrl", viewerUrl.replaceAll("/$", ""));
        options.put("sessionId", scene.sessionId());
        options.put("entityId", scene.cubeId());
        options.put("token", scene.token());
        options.put("width", settings.width());
        options.put("height", settings.height());
        // The script knows nothing of warm-up: it makes them all, and the first samples are dropped (GlassRun).
        options.put("edits", settings.warmupEdits() + settings.edits());
        options.put("inputs", settings.inputs());
        options.put("intervalMillis", settings.interval().toMillis());
        options.put("editTimeoutMillis", settings.editTimeout().toMillis());
        options.put("chromium", settings.chromium().toString());
        options.put("out", workDirectory.resolve("screenshots").toString());
        return JSON.writeValueAsString(options);
    }
}
