package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessorChecksTest {

    @ParameterizedTest(name = "{0} of {1}-byte components = {2} bytes")
    @CsvSource({"SCALAR, 1, 1", "VEC2, 4, 8", "VEC3, 4, 12", "VEC3, 1, 3", "VEC4, 2, 8", "MAT2, 1, 8",
        "MAT2, 2, 8", "MAT2, 4, 16", "MAT3, 1, 12", "MAT3, 2, 24", "MAT3, 4, 36", "MAT4, 1, 16", "MAT4, 4, 64"})
    void shouldPadMatrixColumnsToFourBytes(String type, int componentSize, int expected) {
        assertThat(AccessorChecks.elementSize(type, componentSize)).isEqualTo(expected);
    }
}
