package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementReaderTest {

    @Test
    void shouldReadTightlyPackedUnsignedShortsAcrossBatches() throws IOException {
        // given: more elements than one batch, values above the signed range
        int count = 10_000;
        ByteBuffer data = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putShort((short) (60_000 + i % 5000));
        }
        List<Long> values = new ArrayList<>();

        // when
        ElementReader.forEach(BinarySource.of(data.array()), 2, 2, count, (k, value) -> values.add(value));

        // then
        assertThat(values).hasSize(count);
        assertThat(values.get(0)).isEqualTo(60_000L);
        assertThat(values.get(count - 1)).isEqualTo(60_000L + (count - 1) % 5000);
    }

    @Test
    void shouldReadStridedUnsignedIntsWithoutReadingPastTheLastElement() throws IOException {
        // given: 4-byte values every 12 bytes; the source ends right after the last value
        int count = 5000;
        ByteBuffer data = ByteBuffer.allocate((count - 1) * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putInt(i * 12, i == count - 1 ? 0xFFFF_FFFF : i);
        }
        List<Long> values = new ArrayList<>();

        // when
        ElementReader.forEach(BinarySource.of(data.array()), 4, 12, count, (k, value) -> values.add(value));

        // then
        assertThat(values).hasSize(count);
        assertThat(values.get(4096)).isEqualTo(4096L);
        assertThat(values.get(count - 1)).isEqualTo(0xFFFF_FFFFL);
    }
}
