package io.scenelog.renderer.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.renderer.video.VideoCodec;
import io.scenelog.renderer.video.VideoCodecException;
import io.scenelog.renderer.video.VideoCodecUnavailableException;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class FfmpegRuntimeTest {

    @Test
    void shouldFindEveryCodecsEncoderAndDecoderInTheDefaultBuild() {
        for (VideoCodec codec : VideoCodec.values()) {
            assertThat(FfmpegRuntime.encoder(EncoderOptions.encoderName(codec)).isNull()).isFalse();
            assertThat(FfmpegRuntime.decoder(EncoderOptions.decoderName(codec)).isNull()).isFalse();
        }
    }

    @Test
    void shouldNameTheBuildAndClassifierWhenAnEncoderIsMissing() {
        assertThatThrownBy(() -> FfmpegRuntime.encoder("libnonexistent"))
                .isInstanceOf(VideoCodecUnavailableException.class)
                .hasMessageContaining("no encoder 'libnonexistent'")
                .hasMessageContaining("classifier linux-x86_64");
    }

    @Test
    void shouldTranslateAnFfmpegErrorCodeIntoItsText() {
        assertThatThrownBy(() -> FfmpegRuntime.check(avutil.AVERROR_INVALIDDATA, "avcodec_send_packet(vp8)"))
                .isInstanceOf(VideoCodecException.class)
                .hasMessageContaining("avcodec_send_packet(vp8) failed: Invalid data found when processing input");
        assertThat(FfmpegRuntime.check(7, "anything")).isEqualTo(7);
    }
}
