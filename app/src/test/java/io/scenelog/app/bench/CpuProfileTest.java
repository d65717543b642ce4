package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Threads are grouped by name, with their numbers and ids blanked. */
class CpuProfileTest {

    @Test
    void shouldGroupNumberedThreadsOfOnePool() {
        assertThat(CpuProfile.group("HttpClient-3-Worker-17")).isEqualTo(CpuProfile.group("HttpClient-3-Worker-2"))
                .isEqualTo("HttpClient-#-Worker-#");
    }

    @Test
    void shouldBlankUuidsInThreadNames() {
        assertThat(CpuProfile.group("app-1b4e28ba-2fa1-11d2-883f-0016d3cca427-StreamThread-1"))
                .isEqualTo("app-*-StreamThread-#");
    }

    @Test
    void shouldMeasureTheCpuOfTheThreadsThatRan() {
        // given
        CpuProfile profile = CpuProfile.start();
        long sum = 0;
        long end = System.nanoTime() + 20_000_000;
        while (System.nanoTime() < end) {
            sum += System.nanoTime() % 7;
        }

        // when
        CpuProfile.Usage usage = profile.stop();

        // then: this thread was busy, so something was measured
        assertThat(sum).isNotNegative();
        assertThat(usage.total()).isPositive();
        assertThat(usage.top()).isNotEmpty();
    }
}
