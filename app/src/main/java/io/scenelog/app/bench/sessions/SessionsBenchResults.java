package io.scenelog.app.bench.sessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the sessions-per-node benchmark measured: per stream size, how many single-viewer sessions the platform held
 * with every stream at the minimum rate, how many bare render+encode loops the same machine held, their ratio, and
 * every step's figures.
 *
 * @param settings   what ran
 * @param renderNode the render node in a line
 * @param cores      the machine's cores
 * @param entities   entities in the scene drawn (lights and the simulation's bodies included), 0 when not read
 * @param simulation what the simulation moving the scene sent and had accepted, in a line
 * @param idleLoad   the machine's CPU load with the platform up and moving the scene, before any session
 * @param sizes      one per stream size
 */
record SessionsBenchResults(SessionsBenchSettings settings, String renderNode, int cores, int entities,
        String simulation, OptionalDouble idleLoad, List<SizeResult> sizes) {

    SessionsBenchResults {
        sizes = List.copyOf(sizes);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "sessions per node: single-viewer sessions at %d fps (%s), every stream "
                + ">= %.1f fps over %d s after %d s warm-up; %d cores, platform colocated%n", settings.fps(),
                settings.codecLabel(), settings.minFps(), settings.window().toSeconds(), settings.warmup().toSeconds(),
                cores));
        out.append(String.format(Locale.ROOT, "%-10s %-8s %14s %18s %7s%n", "size", "stream", "sessions held",
                "bare streams held", "ratio"));
        for (SizeResult size : sizes) {
            out.append(String.format(Locale.ROOT, "%-10s %-8s %14s %18s %7s%n", size.size(),
                    size.size().label(settings.fps()), size.platform().heldLabel(),
                    size.bare().map(Ladder.Climb::heldLabel).orElse("-"), ratio(size.ratio())));
        }
        out.append(String.format(Locale.ROOT, "%n%-10s %3s | %-27s | %-27s%n", "size", "k",
                "platform: min / median fps, CPU", "bare: min / median fps, CPU"));
        for (SizeResult size : sizes) {
            for (int k = 1; k <= size.rows(); k++) {
                out.append(String.format(Locale.ROOT, "%-10s %3d | %-27s | %-27s%n", size.size(), k,
                        cell(size.platformStep(k)), cell(size.bareStep(k))));
            }
        }
        for (SizeResult size : sizes) {
            failures(out, size.size() + " platform", size.platform());
            size.bare().ifPresent(climb -> failures(out, size.size() + " bare", climb));
        }
        out.append("render node: ").append(renderNode).append('\n');
        out.append("simulation: ").append(simulation).append('\n');
        out.append("CPU with the platform up and no session (after ").append(settings.platformWarmup().toSeconds())
                .append(" s of warm-up): ").append(Tables.percent(idleLoad)).append('\n');
        return out.toString();
    }

    private static String cell(Optional<StepResult> step) {
        if (step.isEmpty()) {
            return "";
        }
        StepResult result = step.get();
        if (result.failure().isPresent()) {
            return "not measured (see below)";
        }
        return Tables.fps(result.minFps()) + " / " + Tables.fps(result.medianFps()) + ", " + Tables.percent(
                result.cpuLoad());
    }

    private static void failures(StringBuilder out, String what, Ladder.Climb climb) {
        for (StepResult step : climb.steps()) {
            step.failure().ifPresent(why -> out.append(what).append(", ").append(step.streams())
                    .append(" at once: ").append(why).append('\n'));
        }
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(value -> String.format(Locale.ROOT, "%.2f", value)).orElse("-");
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Single-viewer sessions per node at %d fps (%s), every stream at least "
                + "%.1f fps over a %d s window after %d s warm-up, on %d cores with the platform colocated (broker, "
                + "pipeline, edge, bridge, render node, a simulation moving %d bodies at %d Hz); the peer is as many "
                + "bare render+encode loops in one process:%n%n", settings.fps(), settings.codecLabel(),
                settings.minFps(), settings.window().toSeconds(), settings.warmup().toSeconds(), cores,
                settings.bodies(), settings.fps()));
        out.append("| stream | sessions held | bare streams held | ratio |\n|---|---:|---:|---:|\n");
        for (SizeResult size : sizes) {
            out.append(String.format(Locale.ROOT, "| %s (%s) | %s | %s | **%s** |%n", size.size().label(
                    settings.fps()), size.size(), size.platform().heldLabel(),
                    size.bare().map(Ladder.Climb::heldLabel).orElse("–"), ratio(size.ratio())));
        }
        out.append("\n| stream | k | platform min / median fps | platform CPU | bare min / median fps | bare CPU |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (SizeResult size : sizes) {
            for (int k = 1; k <= size.rows(); k++) {
                Optional<StepResult> platform = size.platformStep(k);
                Optional<StepResult> bare = size.bareStep(k);
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n",
                        size.size().label(settings.fps()), k, markdownFps(platform), markdownCpu(platform),
                        markdownFps(bare), markdownCpu(bare)));
            }
        }
        out.append("\nThe ratio is sessions held over bare streams held (1: the platform costs nothing beyond "
                + "rendering and encoding). CPU is the whole machine's load over the window; with the platform up "
                + "and no session, after " + settings.platformWarmup().toSeconds() + " s of warm-up, it was "
                + Tables.percent(idleLoad) + ".\n");
        return out.toString();
    }

    private static String markdownFps(Optional<StepResult> step) {
        return step.map(s -> s.failure().isPresent() ? "not measured" : Tables.fps(s.minFps()) + " / "
                + Tables.fps(s.medianFps())).orElse("–");
    }

    private static String markdownCpu(Optional<StepResult> step) {
        return step.map(s -> Tables.percent(s.cpuLoad())).orElse("–");
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "sessions");
        json.put("codec", settings.codec().webCodecs());
        json.put("fps", settings.fps());
        json.put("minFps", settings.minFps());
        json.put("maxSessions", settings.maxSessions());
        json.put("platformWarmupSeconds", settings.platformWarmup().toMillis() / 1000.0);
        json.put("warmupSeconds", settings.warmup().toMillis() / 1000.0);
        json.put("windowSeconds", settings.window().toMillis() / 1000.0);
        json.put("bodies", settings.bodies());
        json.put("entities", entities);
        json.put("cores", cores);
        json.put("renderNode", renderNode);
        json.put("simulation", simulation);
        json.put("platformIdleCpuLoad", idleLoad.isPresent() ? idleLoad.getAsDouble() : null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SizeResult size : sizes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("size", size.size().toString());
            row.put("stream", size.size().label(settings.fps()));
            row.put("bitrateKbps", size.size().bitrateKbps());
            row.put("sessionsHeld", size.platform().held());
            row.put("sessionsHeldAtMaximum", size.platform().topped());
            row.put("bareStreamsHeld", size.bare().map(Ladder.Climb::held).orElse(null));
            row.put("bareStreamsHeldAtMaximum", size.bare().map(Ladder.Climb::topped).orElse(null));
            row.put("ratio", size.ratio().orElse(null));
            row.put("platformSteps", steps(size.platform()));
            row.put("bareSteps", size.bare().map(SessionsBenchResults::steps).orElse(null));
            rows.add(row);
        }
        json.put("sizes", rows);
        return json;
    }

    private static List<Map<String, Object>> steps(Ladder.Climb climb) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult step : climb.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("streams", step.streams());
            row.put("minFps", step.minFps().isPresent() ? step.minFps().getAsDouble() : null);
            row.put("medianFps", step.medianFps().isPresent() ? step.medianFps().getAsDouble() : null);
            row.put("fps", step.fps());
            row.put("cpuLoad", step.cpuLoad().isPresent() ? step.cpuLoad().getAsDouble() : null);
            row.put("failure", step.failure().orElse(null));
            steps.add(row);
        }
        return steps;
    }
}
