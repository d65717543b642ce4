package io.scenelog.renderer.video.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParameterSetRepeaterTest {

    private static final byte[] IDR_ONLY = {0, 0, 0, 1, 0x65, (byte) 0x88, 0x44};

    @Test
    void shouldLeaveAKeyFrameWithParameterSetsAlone() {
        ParameterSetRepeater repeater = new ParameterSetRepeater(new byte[0]);
        assertThat(repeater.withParameterSets(AnnexBTest.KEY_FRAME)).isSameAs(AnnexBTest.KEY_FRAME);
    }

    @Test
    void shouldRepeatTheLastParameterSetsBeforeAKeyFrameWithout() {
        // given
        ParameterSetRepeater repeater = new ParameterSetRepeater(new byte[0]);
        repeater.withParameterSets(AnnexBTest.KEY_FRAME);
        // when
        byte[] repaired = repeater.withParameterSets(IDR_ONLY);
        // then
        assertThat(AnnexB.types(repaired)).containsExactly(AnnexB.SPS, AnnexB.PPS, AnnexB.IDR);
        assertThat(Arrays.copyOfRange(repaired, 0, 14)).isEqualTo(Arrays.copyOfRange(AnnexBTest.KEY_FRAME, 0, 14));
        assertThat(Arrays.copyOfRange(repaired, 14, repaired.length)).isEqualTo(IDR_ONLY);
    }

    @Test
    void shouldUseTheEncodersExtradataWhenNoFrameCarriedParameterSets() {
        byte[] extradata = Arrays.copyOfRange(AnnexBTest.KEY_FRAME, 0, 14);
        ParameterSetRepeater repeater = new ParameterSetRepeater(extradata);
        assertThat(AnnexB.types(repeater.withParameterSets(IDR_ONLY)))
                .containsExactly(AnnexB.SPS, AnnexB.PPS, AnnexB.IDR);
    }

    @Test
    void shouldFailClearlyWhenThereAreNoParameterSetsAtAll() {
        ParameterSetRepeater repeater = new ParameterSetRepeater(new byte[0]);
        assertThatThrownBy(() -> repeater.withParameterSets(IDR_ONLY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[5]").hasMessageContaining("no SPS/PPS");
    }
}
