package io.scenelog.app.bench.glass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlassBenchSettingsTest {

    @TempDir
    Path directory;

    static GlassBenchSettings settings(int edits, long intervalMillis, long editTimeoutSeconds, Path viewer) {
        return new GlassBenchSettings(edits, 0, 0, Duration.ofMillis(intervalMillis), 640, 360,
                Duration.ofSeconds(editTimeoutSeconds), viewer, Path.of("/usr/bin/chromium"), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void shouldReadTheTwoSizesOfTheIssueAndOtherEvenOnes() {
        assertThat(GlassBenchSettings.parseSize("640x360")).containsExactly(640, 360);
        assertThat(GlassBenchSettings.parseSize(" 1280X720 ")).containsExactly(1280, 720);
        assertThat(GlassBenchSettings.parseSize("320x180")).containsExactly(320, 180);
    }

    @Test
    void shouldRefuseASizeThePageWouldNotAskFor() {
        for (String size : new String[] {"1920x1080", "641x360", "640", "axb", "8x8", "640x360x2"}) {
            assertThatThrownBy(() -> GlassBenchSettings.parseSize(size)).as(size)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--size")
                    .hasMessageContaining(size);
        }
    }

    @Test
    void shouldRefuseEditCountsPacesAndTimeoutsOutOfRange() {
        assertThatThrownBy(() -> settings(0, 300, 10, directory)).hasMessageContaining("--edits");
        assertThatThrownBy(() -> settings(50, 10, 10, directory)).hasMessageContaining("--interval-ms");
        assertThatThrownBy(() -> settings(50, 300, 0, directory)).hasMessageContaining("--edit-timeout-s");
        assertThatThrownBy(() -> new GlassBenchSettings(3, 0, -1, Duration.ofMillis(300), 640, 360,
                Duration.ofSeconds(10), directory, Path.of("/usr/bin/chromium"), Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessageContaining("--inputs");
    }

    @Test
    void shouldNameTheMissingScriptBeforeAnythingStarts() {
        // given: a folder without the viewer's script
        GlassBenchSettings settings = settings(3, 300, 10, directory);

        // then
        assertThatThrownBy(settings::requireBrowserTools).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--viewer-dir").hasMessageContaining("glass-to-glass.mjs");
    }

    @Test
    void shouldNameTheMissingNpmPackages() throws Exception {
        // given: the script, but no node_modules
        Files.createDirectories(directory.resolve("e2e"));
        Files.writeString(directory.resolve(GlassBenchSettings.SCRIPT), "// the script");
        GlassBenchSettings settings = settings(3, 300, 10, directory);

        // then
        assertThatThrownBy(settings::requireBrowserTools).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node_modules").hasMessageContaining("scripts/bootstrap.sh");
    }

    @Test
    void shouldBoundTheScriptByEveryEditsAndInputsPaceAndTimeout() {
        // given
        GlassBenchSettings settings = new GlassBenchSettings(10, 6, 4, Duration.ofMillis(500), 640, 360,
                Duration.ofSeconds(5), directory, Path.of("/usr/bin/chromium"), Optional.empty(), Optional.empty(),
                Optional.empty());

        // when
        Duration deadline = new GlassScript(settings, directory).deadline();

        // then: three minutes to start, then (6 warm-up + 10 + 4) x (0.5 s + 5 s)
        assertThat(deadline).isEqualTo(Duration.ofMinutes(3).plusSeconds(110));
    }
}
