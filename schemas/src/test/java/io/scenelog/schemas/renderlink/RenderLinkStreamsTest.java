package io.scenelog.schemas.renderlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RenderLinkStreamsTest {

    @Test
    void shouldWriteTheGoldenLayout() throws IOException {
        // given
        RenderLinkMessage message = new RenderLinkMessage("ab", new byte[] {5, 1, 2});

        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderLinkStreams.write(out, message);

        // then: length 7, client id length 2, "ab", the frame
        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo("00000007" + "0002" + "6162" + "050102");
    }

    @Test
    void shouldReadBackWhatItWroteAndEndCleanly() throws IOException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderLinkStreams.write(out, new RenderLinkMessage("client-ü", new byte[] {5, 9}));
        RenderLinkStreams.write(out, RenderLinkMessage.ofLink(new byte[] {1}));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

        // when
        RenderLinkMessage first = RenderLinkStreams.read(in, 1024);
        RenderLinkMessage second = RenderLinkStreams.read(in, 1024);
        RenderLinkMessage end = RenderLinkStreams.read(in, 1024);

        // then
        assertThat(first.clientId()).isEqualTo("client-ü");
        assertThat(first.frame()).containsExactly(5, 9);
        assertThat(second.isLink()).isTrue();
        assertThat(second.frame()).containsExactly(1);
        assertThat(end).isNull();
    }

    @Test
    void shouldRefuseAMessageOverTheLimit() {
        byte[] bytes = HexFormat.of().parseHex("00100000" + "0000" + "05");

        assertThatThrownBy(() -> RenderLinkStreams.read(new ByteArrayInputStream(bytes), 1024))
                .isInstanceOf(RenderLinkFormatException.class).hasMessageContaining("outside 3..1024");
    }

    @Test
    void shouldRefuseAClientIdLongerThanTheMessage() {
        byte[] bytes = HexFormat.of().parseHex("00000004" + "0009" + "0505");

        assertThatThrownBy(() -> RenderLinkStreams.read(new ByteArrayInputStream(bytes), 1024))
                .isInstanceOf(RenderLinkFormatException.class).hasMessageContaining("does not fit");
    }

    @Test
    void shouldReportAStreamThatEndsInsideAMessage() {
        byte[] bytes = HexFormat.of().parseHex("00000007" + "0002" + "61");

        assertThatThrownBy(() -> RenderLinkStreams.read(new ByteArrayInputStream(bytes), 1024))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void shouldRefuseAnEmptyFrame() {
        assertThatThrownBy(() -> new RenderLinkMessage("a", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
