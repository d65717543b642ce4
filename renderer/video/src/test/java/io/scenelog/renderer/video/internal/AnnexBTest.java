package io.scenelog.renderer.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnexBTest {

    /** SPS (4-byte start code), PPS (3-byte), IDR slice: as an encoder writes a key frame. */
    static final byte[] KEY_FRAME = {0, 0, 0, 1, 0x67, 0x42, (byte) 0xC0, 0x1F, 0, 0, 1, 0x68, (byte) 0xCE, 0x3C,
        0, 0, 0, 1, 0x65, (byte) 0x88, 0x11, 0x22};
    /** A non-IDR slice alone. */
    static final byte[] DELTA_FRAME = {0, 0, 0, 1, 0x41, (byte) 0x9A, 0x33};

    @Test
    void shouldListTheNalUnitTypesInOrder() {
        assertThat(AnnexB.types(KEY_FRAME)).containsExactly(AnnexB.SPS, AnnexB.PPS, AnnexB.IDR);
        assertThat(AnnexB.types(DELTA_FRAME)).containsExactly(1);
    }

    @Test
    void shouldBoundEachUnitFromItsStartCodeToTheNext() {
        assertThat(AnnexB.units(KEY_FRAME)).containsExactly(new AnnexB.Nal(AnnexB.SPS, 0, 8),
                new AnnexB.Nal(AnnexB.PPS, 8, 14), new AnnexB.Nal(AnnexB.IDR, 14, KEY_FRAME.length));
    }

    @Test
    void shouldTellWhetherParameterSetsArePresent() {
        assertThat(AnnexB.hasParameterSets(KEY_FRAME)).isTrue();
        assertThat(AnnexB.hasParameterSets(DELTA_FRAME)).isFalse();
    }

    @Test
    void shouldRecogniseAStreamWithoutStartCode() {
        byte[] lengthPrefixed = {0, 0, 0, 3, 0x65, 0x11, 0x22};
        assertThat(AnnexB.startsWithStartCode(lengthPrefixed)).isFalse();
        assertThat(AnnexB.startsWithStartCode(KEY_FRAME)).isTrue();
        assertThat(AnnexB.units(new byte[] {1, 2, 3})).isEmpty();
    }
}
