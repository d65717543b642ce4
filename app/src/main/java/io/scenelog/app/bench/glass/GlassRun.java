package io.scenelog.app.bench.glass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code glass-to-glass.mjs} measured in the browser, read from the one JSON line it prints last.
 *
 * @param width           the video's coded width
 * @param height          the video's coded height
 * @param codec           the stream's WebCodecs codec string
 * @param framesReceived  video frames that reached the page during the run
 * @param framesPainted   frames the page drew on its canvas
 * @param edits           one sample per edit, in the order sent
 * @param inputs          one sample per camera orbit input, in the order sent (none unless asked for)
 */
record GlassRun(int width, int height, String codec, long framesReceived, long framesPainted,
        List<EditSample> edits, List<InputSample> inputs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    GlassRun {
        edits = List.copyOf(edits);
        inputs = List.copyOf(inputs);
    }

    /**
     * One camera orbit input, each figure in milliseconds after its Input frame left the page; NaN where not seen.
     *
     * @param glassMillis the first paint whose picture differed from the last one before the input
     * @param eventMillis the next event arriving on the page's connection (the renderer committing the moved camera)
     */
    record InputSample(double glassMillis, double eventMillis) {
    }

    /**
     * One edit, each figure in milliseconds after the action frame left the page; NaN where the step was not seen.
     *
     * @param version            the scene version the edit's event created
     * @param glassMillis        the first paint whose centre pixel showed the new colour
     * @param eventMillis        the committed SceneEvent arriving on the page's Livelink connection (the peer path)
     * @param committedMillis    the event's committedAt (the pipeline's clock) after the send (the page's wall clock)
     * @param visibleMillis      the event reaching the benchmark's own {@code read_committed} reader (its clock,
     *                           taken from committedAt on the same machine): the transaction's commit made visible
     * @param frameMillis        the first VideoFrame with the edit's scene version arriving at the page
     * @param capturedMillis     that frame's capturedAt (the renderer's clock) after the send (the page's wall clock)
     * @param framePaintedMillis that frame drawn on the canvas
     * @param decodeMillis       that frame's arrival to its paint (decoding and drawing)
     * @param renderMillis       the renderer's render and readback time of that frame
     * @param encodeMillis       the renderer's encoding time of that frame
     */
    record EditSample(long version, double glassMillis, double eventMillis, double committedMillis,
            double visibleMillis, double frameMillis, double capturedMillis, double framePaintedMillis,
            double decodeMillis, double renderMillis, double encodeMillis) {

        /** The same sample with the event seen by a reader {@code afterCommit} ms after its committedAt. */
        EditSample visibleAfterCommit(double afterCommit) {
            return new EditSample(version, glassMillis, eventMillis, committedMillis, committedMillis + afterCommit,
                    frameMillis, capturedMillis, framePaintedMillis, decodeMillis, renderMillis, encodeMillis);
        }
    }

    /** The same run without its first {@code warmupEdits} edits (made, not measured). */
    GlassRun withoutWarmup(int warmupEdits) {
        if (warmupEdits > edits.size()) {
            throw new GlassScriptException("The browser run reported " + edits.size() + " edits, fewer than the "
                    + warmupEdits + " warm-up edits asked for");
        }
        return new GlassRun(width, height, codec, framesReceived, framesPainted,
                edits.subList(warmupEdits, edits.size()), inputs);
    }

    /**
     * The same run with each edit's {@code visibleMillis} from the benchmark's reader; NaN for an edit it did not
     * see.
     */
    GlassRun withVisibility(CommitVisibility visibility) {
        return new GlassRun(width, height, codec, framesReceived, framesPainted, edits.stream()
                .map(edit -> edit.visibleAfterCommit(visibility.millisAfterCommit(edit.version()))).toList(),
                inputs);
    }

    /**
     * Reads the script's output: the last line that is a JSON object is its report.
     *
     * @throws GlassScriptException when there is no report, it says the run failed, or it lacks a field
     */
    static GlassRun parse(String output) {
        JsonNode report = lastJsonLine(output);
        if (!report.path("ok").asBoolean(false)) {
            throw new GlassScriptException("The browser run failed: " + report.path("error").asText("(no error)")
                    + problems(report) + "\n" + output);
        }
        List<EditSample> edits = new ArrayList<>();
        for (JsonNode edit : required(report, "edits")) {
            edits.add(new EditSample(required(edit, "version").asLong(), required(edit, "glassMillis").asDouble(),
                    millis(edit, "eventMillis"), millis(edit, "committedMillis"), Double.NaN,
                    millis(edit, "frameMillis"),
                    millis(edit, "capturedMillis"), millis(edit, "framePaintedMillis"), millis(edit, "decodeMillis"),
                    millis(edit, "renderMicros") / 1000.0, millis(edit, "encodeMicros") / 1000.0));
        }
        if (edits.isEmpty()) {
            throw new GlassScriptException("The browser run reported no edits:\n" + output);
        }
        List<InputSample> inputs = new ArrayList<>();
        for (JsonNode input : report.path("inputs")) {
            inputs.add(new InputSample(required(input, "glassMillis").asDouble(), millis(input, "eventMillis")));
        }
        return new GlassRun(required(report, "width").asInt(), required(report, "height").asInt(),
                required(report, "codec").asText(), required(report, "framesReceived").asLong(),
                required(report, "framesPainted").asLong(), edits, inputs);
    }

    private static JsonNode lastJsonLine(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> line.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new GlassScriptException("The browser run printed no JSON report:\n" + output);
        }
        try {
            return JSON.readTree(lines.get(lines.size() - 1));
        } catch (JsonProcessingException e) {
            throw new GlassScriptException("The browser run's report is not JSON (" + e.getOriginalMessage()
                    + "):\n" + output, e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new GlassScriptException("The browser run's report lacks '" + field + "' in " + node);
        }
        return value;
    }

    /** A figure the script reports as null when it did not see the step. */
    private static double millis(JsonNode edit, String field) {
        JsonNode value = edit.get(field);
        return value == null || !value.isNumber() ? Double.NaN : value.asDouble();
    }

    private static String problems(JsonNode report) {
        JsonNode problems = report.path("problems");
        JsonNode page = report.path("pageState");
        return (problems.isArray() && !problems.isEmpty() ? "; page problems: " + problems : "")
                + (page.isObject() ? "; the page showed: " + page : "");
    }
}
