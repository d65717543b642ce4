package io.scenelog.renderer.camera.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RendererClientSeqsTest {

    /** The lowest number a bridge's presence action may take (PresenceEntities: -1 - [0, 2^62)). */
    private static final long LOWEST_BRIDGE_SEQ = -(1L << 62);

    @Test
    void shouldNumberBelowEveryBridgeAndClientNumber() {
        // given the highest start a renderer can draw
        RendererClientSeqs seqs = new RendererClientSeqs((1L << 61) - 1);

        // when
        long first = seqs.next();
        long second = seqs.next();

        // then
        assertThat(first).isLessThan(LOWEST_BRIDGE_SEQ);
        assertThat(second).isEqualTo(first + 1).isLessThan(LOWEST_BRIDGE_SEQ);
    }

    @Test
    void shouldStartTwoRenderersApart() {
        // when
        long one = new RendererClientSeqs().next();
        long other = new RendererClientSeqs().next();

        // then (two random starts in 2^61 meet with negligible probability)
        assertThat(one).isNotEqualTo(other).isLessThan(LOWEST_BRIDGE_SEQ);
        assertThat(other).isLessThan(LOWEST_BRIDGE_SEQ);
    }
}
