package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1, 1 byte", "17, 17 bytes", "1024, 1 KiB", "1536, 1.5 KiB", "67108864, 64 MiB",
        "268435456, 256 MiB"})
    void shouldShowSizesAsPeopleReadThem(long bytes, String expected) {
        assertThat(Sizes.human(bytes)).isEqualTo(expected);
    }

    @Test
    void shouldQuoteANameWithoutControlCharacters() {
        assertThat(Sizes.quoteName("evil\r\nname.glb")).isEqualTo("'evilname.glb'");
        assertThat(Sizes.quoteName(null)).isEqualTo("The upload");
    }
}
