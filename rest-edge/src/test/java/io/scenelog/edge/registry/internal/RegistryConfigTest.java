package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    private final RegistryService registry = new RegistryService(new InMemoryRegistryStore());

    @Test
    void shouldDefaultToBackward() {
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldSetTheGlobalLevel() {
        // when
        registry.setLevel(null, CompatibilityLevel.FULL_TRANSITIVE);

        // then
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(registry.subjectLevel("any-value", true))
                .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void shouldAnswerNotConfiguredForASubjectWithoutItsOwnLevel() {
        assertThatThrownBy(() -> registry.subjectLevel("plain-value", false))
                .isInstanceOf(SubjectCompatibilityNotConfiguredException.class)
                .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40408);
    }

    @Test
    void shouldFallBackToTheGlobalLevelWhenAsked() {
        assertThat(registry.subjectLevel("plain-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldDeleteASubjectLevelAndAnswerIt() {
        // given
        registry.setLevel("user-value", CompatibilityLevel.FORWARD);

        // when
        CompatibilityLevel removed = registry.deleteSubjectLevel("user-value");

        // then
        assertThat(removed).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(registry.subjectLevel("user-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldAnswerSubjectNotFoundWhenDeletingAMissingSubjectLevel() {
        assertThatThrownBy(() -> registry.deleteSubjectLevel("plain-value"))
                .isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void shouldResetTheGlobalLevelToTheDefault() {
        // given
        registry.setLevel(null, CompatibilityLevel.NONE);

        // when
        CompatibilityLevel previous = registry.resetGlobalLevel();

        // then
        assertThat(previous).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldParseLevelsCaseInsensitivelyAndRejectUnknownOnes() {
        assertThat(CompatibilityLevels.parse("full_transitive"))
                .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> CompatibilityLevels.parse("SIDEWAYS"))
                .isInstanceOf(InvalidCompatibilityLevelException.class)
                .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(42203);
        assertThatThrownBy(() -> CompatibilityLevels.parse(null))
                .isInstanceOf(InvalidCompatibilityLevelException.class);
    }
}
