package io.scenelog.app.bench.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuTicksTest {

    @Test
    void shouldCountIdleAndIoWaitAsNotBusyAndLeaveOutGuestTime() {
        // given: user nice system idle iowait irq softirq steal guest guest_nice
        CpuTicks ticks = CpuTicks.parse("cpu  100 10 50 800 40 0 0 0 70 5");

        // then
        assertThat(ticks.total()).isEqualTo(1000);
        assertThat(ticks.busy()).isEqualTo(160);
    }

    @Test
    void shouldGiveTheLoadBetweenTwoReadings() {
        // given
        CpuTicks before = CpuTicks.parse("cpu 100 0 100 800 0 0 0 0");
        CpuTicks after = CpuTicks.parse("cpu 250 0 200 850 0 0 0 0");

        // then: 250 busy of 300 ticks
        assertThat(after.loadSince(before)).hasValueCloseTo(250.0 / 300, within(1e-9));
        assertThat(CpuTicks.load(Optional.of(before), Optional.of(after))).isPresent();
        assertThat(CpuTicks.load(Optional.empty(), Optional.of(after))).isEmpty();
        assertThat(before.loadSince(before)).isEmpty();
    }

    @Test
    void shouldRefuseALineThatIsNotTheAggregateCpuLine() {
        assertThatThrownBy(() -> CpuTicks.parse("cpu0 1 2 3 4 5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate");
    }
}
