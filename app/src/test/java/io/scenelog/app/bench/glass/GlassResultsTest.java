package io.scenelog.app.bench.glass;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.app.bench.glass.GlassRun.EditSample;
import io.scenelog.app.bench.glass.GlassRun.InputSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlassResultsTest {

    private static final GlassBenchSettings SETTINGS = GlassBenchSettingsTest.settings(3, 300, 10, Path.of("."));

    private static EditSample edit(double glass, double event, double framePainted) {
        return new EditSample(7, glass, event, 5, 15, glass - 10, glass - 20, framePainted, 2, 4, 3);
    }

    private static GlassResults results(EditSample... edits) {
        return new GlassResults(SETTINGS, new GlassRun(640, 360, "avc1.42E01F", 90, 90, List.of(edits), List.of()));
    }

    @Test
    void shouldSetGlassToGlassBesideTheEventPath() {
        // given
        GlassResults results = results(edit(60, 30, 60), edit(100, 40, 100), edit(70, 35, 70));

        // then
        assertThat(results.glassToGlass().p50()).isEqualTo(70.0);
        assertThat(results.eventPath().p50()).isEqualTo(35.0);
        assertThat(results.glassToGlass().p50Ratio(results.eventPath())).isEqualTo(2.0);
        assertThat(results.glassToGlass().p99Ratio(results.eventPath())).isEqualTo(2.5);
        assertThat(results.table()).contains("edit -> picture (glass to glass)", "edit -> event at the page (peer)",
                "ratio glass to glass / event path: p50 2.00, p99 2.50", "3 of 3 edits");
    }

    @Test
    void shouldJudgeTheIssuesGoal() {
        assertThat(results(edit(60, 30, 60), edit(80, 30, 80)).goalMet()).isTrue();
        assertThat(results(edit(60, 30, 60), edit(151, 30, 151)).goalMet()).isFalse();
        assertThat(results(edit(81, 30, 81), edit(90, 30, 90)).goalMet()).isFalse();
        assertThat(results(edit(81, 30, 81), edit(90, 30, 90)).goalLine()).startsWith("FAIL");
    }

    @Test
    void shouldCountEditsWhoseLabelledFrameWasNotTheFirstShowingTheColour() {
        // given: the second edit's colour showed in a paint other than the frame labelled with its version
        GlassResults results = results(edit(60, 30, 60), edit(100, 40, 133.3), edit(70, 35, Double.NaN));

        // then
        assertThat(results.agreeing()).isEqualTo(1);
    }

    @Test
    void shouldLeaveStepsThatWereNotSeenOutOfTheirFigures() {
        // given
        GlassResults results = results(edit(60, 30, 60), edit(100, Double.NaN, 100));

        // then
        assertThat(results.eventPath().samples()).isEqualTo(1);
        assertThat(results.glassToGlass().samples()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteEveryFigureToJson() {
        // when
        Map<String, Object> json = results(edit(60, 30, 60), edit(100, 40, 100)).json();

        // then
        assertThat(json).containsKeys("viewer", "codec", "edits", "glassToGlass", "eventPath", "ratio", "breakdown",
                "goal", "samples");
        assertThat(json.get("viewer")).isEqualTo("640x360");
        assertThat((Map<String, Object>) json.get("breakdown")).containsKeys("committed", "event", "captured",
                "frame", "painted", "decode", "render", "encode");
        assertThat((List<Object>) json.get("samples")).hasSize(2);
    }

    @Test
    void shouldSetCameraInputsBesideTheirCameraEventsWhenThereWereAny() {
        // given
        GlassRun run = new GlassRun(640, 360, "vp8", 90, 90, List.of(edit(60, 30, 60)),
                List.of(new InputSample(40, 80), new InputSample(60, Double.NaN), new InputSample(50, 100)));

        // when
        GlassResults results = new GlassResults(SETTINGS, run);

        // then
        assertThat(results.inputToPicture().p50()).isEqualTo(50.0);
        assertThat(results.inputToEvent().samples()).isEqualTo(2);
        assertThat(results.table()).contains("camera: 3 orbit drags", "input -> picture changed",
                "ratio input -> picture / input -> event: p50 0.63, p99 0.60");
        assertThat(results.markdown()).contains("camera orbit input -> picture changed");
    }

    @Test
    void shouldLeaveTheCameraOutOfTheTableWithoutInputs() {
        assertThat(results(edit(60, 30, 60)).table()).doesNotContain("orbit");
    }

    @Test
    void shouldExplainTheMethodInMarkdown() {
        assertThat(results(edit(60, 30, 60)).markdown()).startsWith("### Glass to glass (`scenelog bench glass`)")
                .contains("| **edit -> picture (glass to glass)** | 60.0 |", "performance.now()", "nearest rank");
    }
}
