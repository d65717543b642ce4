package io.scenelog.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationConverterTest {

    @Test
    void shouldReadTheUnitsOperatorsWrite() {
        // when / then
        assertThat(HumanDurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(HumanDurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(HumanDurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(HumanDurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(HumanDurationConverter.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldRefuseABareNumberNamingTheAcceptedForms() {
        // when / then
        assertThatThrownBy(() -> HumanDurationConverter.parse("30"))
                .hasMessageContaining("'30' is not a duration").hasMessageContaining("30s");
    }
}
