package io.scenelog.livelink.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private final FrameAssembler assembler = new FrameAssembler(8);

    @Test
    void shouldReturnAMessageInOnePartAsACopy() {
        // given
        byte[] bytes = {8, 1, 2};
        ByteBuffer part = ByteBuffer.wrap(bytes);

        // when
        ByteBuffer message = assembler.append(part, true);
        bytes[0] = 99;

        // then
        assertThat(remaining(message)).containsExactly(8, 1, 2);
        assertThat(part.hasRemaining()).isFalse();
    }

    @Test
    void shouldJoinPartsUntilTheLastOne() {
        // when
        ByteBuffer first = assembler.append(ByteBuffer.wrap(new byte[] {8, 1}), false);
        ByteBuffer empty = assembler.append(ByteBuffer.allocate(0), false);
        ByteBuffer second = assembler.append(ByteBuffer.wrap(new byte[] {2, 3}), false);
        ByteBuffer last = assembler.append(ByteBuffer.wrap(new byte[] {4}), true);

        // then
        assertThat(first).isNull();
        assertThat(empty).isNull();
        assertThat(second).isNull();
        assertThat(remaining(last)).containsExactly(8, 1, 2, 3, 4);
        assertThat(assembler.pendingBytes()).isZero();
    }

    @Test
    void shouldReadAPartFromItsPositionToItsLimit() {
        // given a part that is a slice of a larger buffer the WebSocket reuses
        ByteBuffer shared = ByteBuffer.wrap(new byte[] {0, 0, 8, 7, 0});
        shared.position(2).limit(4);

        // when
        ByteBuffer message = assembler.append(shared, true);

        // then
        assertThat(remaining(message)).containsExactly(8, 7);
    }

    @Test
    void shouldRefuseAMessageThatGrowsPastTheLimitAndStartOverAfterwards() {
        // given
        assembler.append(ByteBuffer.wrap(new byte[6]), false);

        // when / then
        assertThatThrownBy(() -> assembler.append(ByteBuffer.wrap(new byte[3]), false))
                .isInstanceOf(FrameAssembler.FrameTooLargeException.class)
                .hasMessageContaining("at least 9 bytes exceeds the client's limit of 8 bytes");
        assertThat(assembler.pendingBytes()).isZero();
        assertThat(remaining(assembler.append(ByteBuffer.wrap(new byte[] {14}), true))).containsExactly(14);
    }

    @Test
    void shouldAcceptAMessageOfExactlyTheLimit() {
        // when
        assembler.append(ByteBuffer.wrap(new byte[4]), false);
        ByteBuffer message = assembler.append(ByteBuffer.wrap(new byte[4]), true);

        // then
        assertThat(message.remaining()).isEqualTo(8);
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
