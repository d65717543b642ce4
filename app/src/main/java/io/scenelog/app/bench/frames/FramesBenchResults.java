package io.scenelog.app.bench.frames;

import io.scenelog.app.bench.frames.FramesRun.CaseResult;
import io.scenelog.app.bench.frames.StageTimes.StageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the frame-pipeline benchmark measured: per viewer size and codec, each stage's p50 and p99, and our
 * conversion + encoding beside FFmpeg's own program encoding the same frames.
 *
 * @param device    the renderer's device
 * @param entities  entities in the scene
 * @param triangles triangles drawn per frame
 * @param warmup    unmeasured frames first
 * @param cases     one per size and codec
 */
record FramesBenchResults(String device, int entities, long triangles, int warmup, List<CaseResult> cases) {

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "frame pipeline, one viewer at a time: %d lit entities (%d triangles), "
                + "%s%n", entities, triangles, device));
        out.append(String.format(Locale.ROOT, "%-10s %-5s %-9s %9s %9s%n", "viewer", "codec", "stage", "p50 ms",
                "p99 ms"));
        for (CaseResult result : cases) {
            for (Stage stage : Stage.values()) {
                StageResult times = result.times().result(stage);
                out.append(String.format(Locale.ROOT, "%-10s %-5s %-9s %9.2f %9.2f%n", result.size(),
                        FramesBenchSettings.label(result.codec()), stage.label(), times.p50Millis(),
                        times.p99Millis()));
            }
            out.append(String.format(Locale.ROOT, "%-10s %-5s %s%n", result.size(),
                    FramesBenchSettings.label(result.codec()), peerLine(result)));
        }
        return out.toString();
    }

    private static String peerLine(CaseResult result) {
        double ours = result.times().meanConvertEncodeNanos() / 1e6;
        if (result.peer().isEmpty()) {
            return String.format(Locale.ROOT, "convert+encode mean %.2f ms/frame, %d frames, %.0f kbit/s (no peer)",
                    ours, result.frames(), kbps(result));
        }
        return String.format(Locale.ROOT, "convert+encode mean %.2f ms/frame vs ffmpeg program %.2f ms CPU "
                        + "(%.2f ms wall) per frame: ratio %.2f (CPU), %.2f (wall); %d frames, %.0f kbit/s",
                ours, result.peer().get().userNanosPerFrame() / 1e6, result.peer().get().wallNanosPerFrame() / 1e6,
                result.ratioToPeerCpu().orElse(Double.NaN), result.ratioToPeerWall().orElse(Double.NaN),
                result.frames(), kbps(result));
    }

    private static double kbps(CaseResult result) {
        return result.bytes() * 8.0 / 1000.0 / (result.frames() / 30.0);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Frame pipeline, one viewer at a time, %d lit entities (%d triangles) "
                + "on %s; %d warm-up frames, then p50 / p99 per stage in ms:%n%n", entities, triangles, device,
                warmup));
        out.append("| viewer | codec |");
        for (Stage stage : Stage.values()) {
            out.append(' ').append(stage.label()).append(" |");
        }
        out.append(" ours: convert+encode mean | ffmpeg program CPU / wall per frame | ratio (CPU) |\n|---|---|");
        out.append("---:|".repeat(Stage.values().length)).append("---:|---:|---:|\n");
        for (CaseResult result : cases) {
            out.append(String.format(Locale.ROOT, "| %s | %s |", result.size(),
                    FramesBenchSettings.label(result.codec())));
            for (Stage stage : Stage.values()) {
                StageResult times = result.times().result(stage);
                out.append(String.format(Locale.ROOT, " %.2f / %.2f |", times.p50Millis(), times.p99Millis()));
            }
            out.append(String.format(Locale.ROOT, " %.2f ms |", result.times().meanConvertEncodeNanos() / 1e6));
            if (result.peer().isPresent()) {
                out.append(String.format(Locale.ROOT, " %.2f / %.2f ms | **%.2f** |%n",
                        result.peer().get().userNanosPerFrame() / 1e6, result.peer().get().wallNanosPerFrame() / 1e6,
                        result.ratioToPeerCpu().orElse(Double.NaN)));
            } else {
                out.append(" – | – |\n");
            }
        }
        out.append("\nThe ratio is our mean conversion + encoding per frame over the `ffmpeg` program's user CPU time "
                + "per frame encoding the same frames with the same encoder and options (below 1: we are faster).\n");
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", device);
        json.put("entities", entities);
        json.put("triangles", triangles);
        json.put("warmupFrames", warmup);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseResult result : cases) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("viewer", result.size().toString());
            row.put("codec", result.codec().webCodecs());
            row.put("bitrateKbps", result.bitrateKbps());
            row.put("frames", result.frames());
            row.put("encodedBytes", result.bytes());
            Map<String, Object> stages = new LinkedHashMap<>();
            for (Stage stage : Stage.values()) {
                StageResult times = result.times().result(stage);
                stages.put(stage.label(), Map.of("p50Millis", times.p50Millis(), "p99Millis", times.p99Millis(),
                        "meanMillis", times.meanMillis()));
            }
            row.put("stages", stages);
            row.put("convertEncodeMeanMillis", result.times().meanConvertEncodeNanos() / 1e6);
            result.peer().ifPresent(peer -> {
                row.put("peerCpuMillisPerFrame", peer.userNanosPerFrame() / 1e6);
                row.put("peerWallMillisPerFrame", peer.wallNanosPerFrame() / 1e6);
                row.put("peerFrames", peer.frames());
                row.put("ratioToPeerCpu", result.ratioToPeerCpu().orElse(null));
                row.put("ratioToPeerWall", result.ratioToPeerWall().orElse(null));
            });
            rows.add(row);
        }
        json.put("cases", rows);
        return json;
    }
}
