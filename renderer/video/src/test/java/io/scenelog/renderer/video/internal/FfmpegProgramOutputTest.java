package io.scenelog.renderer.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FfmpegProgramOutputTest {

    @Test
    void shouldCountPacketsBytesAndKeyFramesFromFramecrcLines() {
        // given: framecrc leaves the flags out when a packet is exactly a key frame
        FfmpegProgramOutput output = new FfmpegProgramOutput();
        // when
        output.acceptPacketLine("#tb 0: 1/30");
        output.acceptPacketLine("0,          0,          0,        1,     5497, 0x377d8cd7");
        output.acceptPacketLine("0,          1,          1,        1,     2570, 0x61c0da24, F=0x0");
        output.acceptPacketLine("0,          2,          2,        1,     8261, 0x27e3d288, F=0x0, S=1, Quality stats,"
                + "        8, 0x02d4005e");
        output.acceptPacketLine("0,          3,          3,        1,      100, 0x27e3d288, F=0x3");
        // then
        assertThat(output.packets()).isEqualTo(4);
        assertThat(output.bytes()).isEqualTo(5497 + 2570 + 8261 + 100);
        assertThat(output.keyPackets()).isEqualTo(2);
    }

    @Test
    void shouldReadTheUserTimeOfTheBenchmarkLine() {
        String log = "frame=   60 fps=0.0\nbench: utime=0.367s stime=0.131s rtime=0.566s\nbench: maxrss=93660KiB\n";
        assertThat(FfmpegProgramOutput.userNanos(log)).isEqualTo(367_000_000L);
        assertThatThrownBy(() -> FfmpegProgramOutput.userNanos("Conversion failed!"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Conversion failed!");
    }
}
