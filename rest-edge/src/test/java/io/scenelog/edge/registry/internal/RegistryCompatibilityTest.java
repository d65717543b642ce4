package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import static io.scenelog.edge.registry.internal.Schemas.STRING;
import static io.scenelog.edge.registry.internal.Schemas.USER_AGE_REQUIRED;
import static io.scenelog.edge.registry.internal.Schemas.USER_V1;
import static io.scenelog.edge.registry.internal.Schemas.USER_V2_WITH_DEFAULT;
import static io.scenelog.edge.registry.internal.Schemas.USER_V3_NO_DEFAULT;
import static io.scenelog.edge.registry.internal.Schemas.USER_WITHOUT_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryCompatibilityTest {

    private final RegistryService registry = new RegistryService(new InMemoryRegistryStore());

    @Test
    void shouldRejectBackwardIncompatibleSchemaNamingTheField() {
        // given
        registry.register("user-value", USER_V1);

        // then
        assertThatThrownBy(() -> registry.register("user-value", USER_V3_NO_DEFAULT))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("'email'")
                .hasMessageContaining("user-value");
        assertThat(registry.versions("user-value", false)).containsExactly(1);
    }

    @Test
    void shouldAcceptAFieldAddedWithADefaultUnderTheDefaultLevel() {
        // given
        registry.register("user-value", USER_V1);

        // when
        int id = registry.register("user-value", USER_V2_WITH_DEFAULT);

        // then
        assertThat(registry.version("user-value", VersionRef.LATEST, false).id()).isEqualTo(id);
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnderANonTransitiveLevel() {
        // given
        registry.register("user-value", USER_V1);
        registry.register("user-value", USER_V2_WITH_DEFAULT);

        // when
        registry.register("user-value", USER_AGE_REQUIRED);

        // then
        assertThat(registry.versions("user-value", false)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldCheckEveryVersionUnderATransitiveLevel() {
        // given
        registry.setLevel("user-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        registry.register("user-value", USER_V1);
        registry.register("user-value", USER_V2_WITH_DEFAULT);

        // then
        assertThatThrownBy(() -> registry.register("user-value", USER_AGE_REQUIRED))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void shouldRejectAForwardIncompatibleSchemaUnderForward() {
        // given
        registry.setLevel("user-value", CompatibilityLevel.FORWARD);
        registry.register("user-value", USER_V1);

        // then
        assertThatThrownBy(() -> registry.register("user-value", USER_WITHOUT_NAME))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("'name'");
    }

    @Test
    void shouldRequireBothDirectionsUnderFull() {
        // given
        registry.setLevel("user-value", CompatibilityLevel.FULL);
        registry.register("user-value", USER_V1);

        // then
        assertThatThrownBy(() -> registry.register("user-value", USER_V3_NO_DEFAULT))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThatThrownBy(() -> registry.register("user-value", USER_WITHOUT_NAME))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThat(registry.register("user-value", USER_V2_WITH_DEFAULT)).isPositive();
    }

    @Test
    void shouldAcceptAnySchemaUnderNone() {
        // given
        registry.setLevel("user-value", CompatibilityLevel.NONE);
        registry.register("user-value", USER_V1);

        // when
        registry.register("user-value", STRING);

        // then
        assertThat(registry.versions("user-value", false)).containsExactly(1, 2);
    }

    @Test
    void shouldLetTheSubjectLevelOverrideTheGlobalLevel() {
        // given
        registry.setLevel(null, CompatibilityLevel.NONE);
        registry.setLevel("user-value", CompatibilityLevel.BACKWARD);
        registry.register("user-value", USER_V1);
        registry.register("other-value", USER_V1);

        // then
        assertThatThrownBy(() -> registry.register("user-value", STRING))
                .isInstanceOf(IncompatibleSchemaException.class);
        assertThat(registry.register("other-value", STRING)).isPositive();
    }

    @Test
    void shouldReportIncompatibilitiesWhenTestingAgainstANamedVersion() {
        // given
        registry.register("user-value", USER_V1);

        // when
        CompatibilityResult result = registry.testCompatibility("user-value", VersionRef.parse("1"),
                USER_V3_NO_DEFAULT);

        // then
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString().contains("email");
    }

    @Test
    void shouldFindACompatibleSchemaCompatibleWithLatest() {
        // given
        registry.register("user-value", USER_V1);

        // when
        CompatibilityResult result = registry.testCompatibility("user-value", VersionRef.LATEST,
                USER_V2_WITH_DEFAULT);

        // then
        assertThat(result.compatible()).isTrue();
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void shouldFindAnySchemaCompatibleWithTheLatestOfASubjectWithoutVersions() {
        assertThat(registry.testCompatibility("new-value", VersionRef.LATEST, STRING).compatible())
                .isTrue();
    }

    @Test
    void shouldAnswerNotFoundWhenTestingAgainstAMissingVersion() {
        // given
        registry.register("user-value", USER_V1);

        // then
        assertThatThrownBy(() -> registry.testCompatibility("user-value", VersionRef.parse("9"), STRING))
                .isInstanceOf(VersionNotFoundException.class);
        assertThatThrownBy(() -> registry.testCompatibility("nobody", VersionRef.parse("1"), STRING))
                .isInstanceOf(SubjectNotFoundException.class);
    }
}
