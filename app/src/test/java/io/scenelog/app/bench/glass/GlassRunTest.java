package io.scenelog.app.bench.glass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.app.bench.glass.GlassRun.EditSample;
import org.junit.jupiter.api.Test;

class GlassRunTest {

    static final String REPORT = """
            {"ok":true,"problems":[],"width":640,"height":360,"codec":"avc1.42E01F","runMillis":3121,\
            "framesReceived":108,"framesPainted":107,"unreadableFrames":0,"edits":[\
            {"actionId":"a","sentAt":2284.7,"version":3,"glassMillis":148.6,"eventMillis":127.5,\
            "committedMillis":36,"frameMillis":145.5,"capturedMillis":136,"framePaintedMillis":148.6,\
            "decodeMillis":3.1,"renderMicros":3709,"encodeMicros":1763,"frameBytes":3320},\
            {"actionId":"b","sentAt":2590.3,"version":4,"glassMillis":152.5,"eventMillis":149.8,\
            "committedMillis":10,"frameMillis":null,"capturedMillis":null,"framePaintedMillis":null,\
            "decodeMillis":null,"renderMicros":null,"encodeMicros":null,"frameBytes":null}]}""";

    @Test
    void shouldReadTheLastJsonLineAfterWhatElseTheScriptPrinted() {
        // given
        String output = "(node:12) ExperimentalWarning: something\n" + REPORT + "\n";

        // when
        GlassRun run = GlassRun.parse(output);

        // then
        assertThat(run.width()).isEqualTo(640);
        assertThat(run.height()).isEqualTo(360);
        assertThat(run.codec()).isEqualTo("avc1.42E01F");
        assertThat(run.framesReceived()).isEqualTo(108);
        assertThat(run.framesPainted()).isEqualTo(107);
        assertThat(run.edits()).hasSize(2);
        EditSample first = run.edits().get(0);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.glassMillis()).isEqualTo(148.6);
        assertThat(first.eventMillis()).isEqualTo(127.5);
        assertThat(first.committedMillis()).isEqualTo(36.0);
        assertThat(first.frameMillis()).isEqualTo(145.5);
        assertThat(first.capturedMillis()).isEqualTo(136.0);
        assertThat(first.framePaintedMillis()).isEqualTo(148.6);
        assertThat(first.decodeMillis()).isEqualTo(3.1);
        assertThat(first.renderMillis()).isEqualTo(3.709);
        assertThat(first.encodeMillis()).isEqualTo(1.763);
    }

    @Test
    void shouldDropTheWarmupEditsAndRefuseARunShorterThanThem() {
        // when
        GlassRun run = GlassRun.parse(REPORT).withoutWarmup(1);

        // then
        assertThat(run.edits()).extracting(EditSample::version).containsExactly(4L);
        assertThat(GlassRun.parse(REPORT).withoutWarmup(0).edits()).hasSize(2);
        assertThatThrownBy(() -> GlassRun.parse(REPORT).withoutWarmup(3)).isInstanceOf(GlassScriptException.class)
                .hasMessageContaining("fewer than the 3 warm-up edits");
    }

    @Test
    void shouldPlaceTheEventsVisibilityAfterItsCommit() {
        // given: the reader saw version 3 12.5 ms after its committedAt (36 ms after the send), not version 4
        GlassRun run = GlassRun.parse(REPORT);

        // when
        EditSample[] edits = run.edits().stream().map(edit -> edit.visibleAfterCommit(edit.version() == 3 ? 12.5
                : Double.NaN)).toArray(EditSample[]::new);

        // then
        assertThat(edits[0].visibleMillis()).isEqualTo(48.5);
        assertThat(edits[1].visibleMillis()).isNaN();
        assertThat(run.edits().get(0).visibleMillis()).as("not measured by the script").isNaN();
    }

    @Test
    void shouldReadStepsTheScriptDidNotSeeAsNaN() {
        // when
        EditSample second = GlassRun.parse(REPORT).edits().get(1);

        // then
        assertThat(second.glassMillis()).isEqualTo(152.5);
        assertThat(second.frameMillis()).isNaN();
        assertThat(second.capturedMillis()).isNaN();
        assertThat(second.renderMillis()).isNaN();
    }

    @Test
    void shouldReadCameraInputsWhenTheRunMadeThem() {
        // given
        String output = REPORT.replace("]}", "],\"inputs\":[{\"glassMillis\":60.7,\"eventMillis\":100.2,"
                + "\"inputFrames\":1},{\"glassMillis\":55,\"eventMillis\":null,\"inputFrames\":1}]}");

        // when
        GlassRun run = GlassRun.parse(output);

        // then
        assertThat(run.inputs()).hasSize(2);
        assertThat(run.inputs().get(0).glassMillis()).isEqualTo(60.7);
        assertThat(run.inputs().get(0).eventMillis()).isEqualTo(100.2);
        assertThat(run.inputs().get(1).eventMillis()).isNaN();
        assertThat(GlassRun.parse(REPORT).inputs()).isEmpty();
    }

    @Test
    void shouldReportTheScriptsErrorWhenTheRunFailed() {
        // given
        String output = "{\"ok\":false,\"error\":\"Error: no paint showed #1a26e6 within 10000 ms\","
                + "\"problems\":[\"page: boom\"],\"pageState\":{\"connection\":\"disconnected\"}}";

        // then
        assertThatThrownBy(() -> GlassRun.parse(output)).isInstanceOf(GlassScriptException.class)
                .hasMessageContaining("no paint showed #1a26e6").hasMessageContaining("page: boom")
                .hasMessageContaining("the page showed: {\"connection\":\"disconnected\"}");
    }

    @Test
    void shouldRefuseOutputWithoutAReport() {
        assertThatThrownBy(() -> GlassRun.parse("Error: Cannot find module 'playwright-core'\n"))
                .isInstanceOf(GlassScriptException.class).hasMessageContaining("printed no JSON report")
                .hasMessageContaining("Cannot find module");
    }

    @Test
    void shouldRefuseAReportThatIsNotJson() {
        assertThatThrownBy(() -> GlassRun.parse("{\"ok\": tru"))
                .isInstanceOf(GlassScriptException.class).hasMessageContaining("not JSON");
    }

    @Test
    void shouldNameAFieldTheReportLacks() {
        assertThatThrownBy(() -> GlassRun.parse(REPORT.replace("\"codec\":\"avc1.42E01F\",", "")))
                .isInstanceOf(GlassScriptException.class).hasMessageContaining("lacks 'codec'");
    }

    @Test
    void shouldRefuseAReportWithoutEdits() {
        assertThatThrownBy(() -> GlassRun.parse("{\"ok\":true,\"width\":640,\"height\":360,\"codec\":\"vp8\","
                + "\"framesReceived\":1,\"framesPainted\":1,\"edits\":[]}"))
                .isInstanceOf(GlassScriptException.class).hasMessageContaining("no edits");
    }
}
