package io.scenelog.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberRangeTest {

    @Test
    void shouldDescribeEachShapeOfRange() {
        assertThat(NumberRange.closed(0, 1).describe()).isEqualTo("from 0 to 1");
        assertThat(NumberRange.open(0, 180).describe()).isEqualTo("greater than 0 and less than 180");
        assertThat(new NumberRange(0, false, 90, true).describe()).isEqualTo("greater than 0 and at most 90");
        assertThat(NumberRange.atLeast(0.5).describe()).isEqualTo("at least 0.5");
        assertThat(NumberRange.greaterThan(0).describe()).isEqualTo("greater than 0");
    }

    @Test
    void shouldHonourOpenAndClosedEnds() {
        assertThat(NumberRange.closed(0, 1).contains(1)).isTrue();
        assertThat(NumberRange.open(0, 1).contains(1)).isFalse();
        assertThat(NumberRange.open(0, 1).contains(0)).isFalse();
        assertThat(NumberRange.closed(0, 1).contains(Double.NaN)).isFalse();
    }

    @Test
    void shouldFormatFloatsAsWritten() {
        assertThat(NumberRange.format(0.1f)).isEqualTo("0.1");
        assertThat(NumberRange.format(180.0)).isEqualTo("180");
    }

    @Test
    void shouldRejectAnEmptyRange() {
        assertThatThrownBy(() -> NumberRange.closed(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
