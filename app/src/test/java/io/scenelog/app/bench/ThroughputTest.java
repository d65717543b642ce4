package io.scenelog.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void shouldTellTheCpuTimePerEventFromTheCoresUsedInTheWindow() {
        // given: 1.5 cores busy for 2 s while 30,000 events were committed
        CpuProfile.Usage usage = new CpuProfile.Usage(1.5, List.of(new CpuProfile.Share("StreamThread-#", 0.75)));
        Throughput run = new Throughput(30_000, 2, usage);

        // then: 3 CPU-seconds over 30,000 events
        assertThat(run.cpuMicrosPerEvent()).isCloseTo(100, within(1e-9));
        assertThat(new Throughput(30_000, 2).cpuMicrosPerEvent()).isNaN();
    }

    @Test
    void shouldShowEachRunsCpuInTheRoundsLines() {
        // given
        CpuProfile.Usage usage = new CpuProfile.Usage(1.2, List.of(new CpuProfile.Share("StreamThread-#", 0.7)));
        ThroughputRound round = new ThroughputRound(new Throughput(40_000, 1, usage),
                new Throughput(20_000, 1, usage), new Throughput(20_000, 1));

        // then
        assertThat(round.describe()).contains("exactly-once 20000 (0.50x)")
                .contains("JVM CPU per action 30 / 60 / n/a us");
        assertThat(round.cpuLines()).containsExactly("bare loop 1.20 cores: StreamThread-# 0.70",
                "exactly-once 1.20 cores: StreamThread-# 0.70", "at-least-once (not measured)");
    }
}
