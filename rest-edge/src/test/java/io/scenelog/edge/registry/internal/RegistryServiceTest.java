package io.scenelog.edge.registry.internal;

import static io.scenelog.edge.registry.internal.Schemas.NOT_AVRO;
import static io.scenelog.edge.registry.internal.Schemas.STRING;
import static io.scenelog.edge.registry.internal.Schemas.USER_AGE_REQUIRED;
import static io.scenelog.edge.registry.internal.Schemas.USER_V1;
import static io.scenelog.edge.registry.internal.Schemas.USER_V1_REFORMATTED;
import static io.scenelog.edge.registry.internal.Schemas.USER_V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistryServiceTest {

    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final RegistryService registry = new RegistryService(store);

    @Nested
    class Registration {

        @Test
        void shouldAssignIncreasingIdsToDistinctSchemas() {
            // when
            int first = registry.register("a-value", USER_V1);
            int second = registry.register("b-value", STRING);

            // then
            assertThat(first).isEqualTo(1);
            assertThat(second).isEqualTo(2);
        }

        @Test
        void shouldReturnExistingIdWithoutNewVersionWhenSchemaIsRegisteredAgain() {
            // given
            int id = registry.register("user-value", USER_V1);

            // when
            int again = registry.register("user-value", USER_V1);

            // then
            assertThat(again).isEqualTo(id);
            assertThat(registry.versions("user-value", false)).containsExactly(1);
        }

        @Test
        void shouldTreatWhitespaceAndKeyOrderAsTheSameSchema() {
            // given
            int id = registry.register("user-value", USER_V1);

            // when
            int reformatted = registry.register("user-value", USER_V1_REFORMATTED);

            // then
            assertThat(reformatted).isEqualTo(id);
            assertThat(registry.versions("user-value", false)).containsExactly(1);
        }

        @Test
        void shouldReuseTheGlobalIdOfASchemaKnownUnderAnotherSubject() {
            // given
            int id = registry.register("first-value", USER_V1);

            // when
            int other = registry.register("second-value", USER_V1_REFORMATTED);

            // then
            assertThat(other).isEqualTo(id);
            assertThat(registry.version("second-value", VersionRef.LATEST, false).version()).isEqualTo(1);
        }

        @Test
        void shouldAnswerTheSchemaTextAsFirstRegistered() {
            // given
            int id = registry.register("first-value", USER_V1);
            registry.register("second-value", USER_V1_REFORMATTED);

            // when
            String byId = registry.schemaById(id).text();
            String bySubject = registry.version("second-value", VersionRef.LATEST, false).schema().text();

            // then
            assertThat(byId).isEqualTo(USER_V1);
            assertThat(bySubject).isEqualTo(USER_V1);
        }

        @Test
        void shouldTreatSchemasDifferingInADefaultAsDistinct() {
            // given
            int withoutDefault = registry.register("user-value", USER_AGE_REQUIRED);

            // when
            int withDefault = registry.register("user-value", USER_V2_WITH_DEFAULT);

            // then
            assertThat(withDefault).isNotEqualTo(withoutDefault);
        }

        @Test
        void shouldRejectMalformedSchemaWithAvroParseError() {
            assertThatThrownBy(() -> registry.register("broken-value", NOT_AVRO))
                    .isInstanceOf(InvalidSchemaException.class)
                    .hasMessageContaining("no-such-type")
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(42201);
        }

        @Test
        void shouldRejectEmptySchema() {
            assertThatThrownBy(() -> registry.register("empty-value", " "))
                    .isInstanceOf(InvalidSchemaException.class);
        }

        @Test
        void shouldRejectSubjectWithControlCharacters() {
            assertThatThrownBy(() -> registry.register("bad\u0001subject", STRING))
                    .isInstanceOf(InvalidSubjectException.class);
        }

        @Test
        void shouldFindTheVersionHoldingAnEquivalentSchema() {
            // given
            registry.register("user-value", USER_V1);
            int id = registry.register("user-value", USER_V2_WITH_DEFAULT);

            // when
            SchemaVersion found = registry.lookup("user-value", USER_V2_WITH_DEFAULT, false);

            // then
            assertThat(found.version()).isEqualTo(2);
            assertThat(found.id()).isEqualTo(id);
        }

        @Test
        void shouldAnswerSchemaNotFoundWhenLookingUpAnUnregisteredSchema() {
            // given
            registry.register("user-value", USER_V1);

            // then
            assertThatThrownBy(() -> registry.lookup("user-value", STRING, false))
                    .isInstanceOf(SchemaNotFoundException.class);
            assertThatThrownBy(() -> registry.lookup("nobody-value", STRING, false))
                    .isInstanceOf(SubjectNotFoundException.class);
        }

        @Test
        void shouldListSubjectsVersionsAndIdUsage() {
            // given
            int id = registry.register("b-value", USER_V1);
            registry.register("a-value", USER_V1);
            registry.register("a-value", USER_V2_WITH_DEFAULT);

            // then
            assertThat(registry.subjects(false)).containsExactly("a-value", "b-value");
            assertThat(registry.versions("a-value", false)).containsExactly(1, 2);
            assertThat(registry.versionsWithId(id, false))
                    .extracting(SchemaVersion::subject, SchemaVersion::version)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("a-value", 1),
                            org.assertj.core.groups.Tuple.tuple("b-value", 1));
            assertThat(registry.maxId()).isEqualTo(2);
        }
    }

    @Nested
    class Versions {

        @Test
        void shouldResolveLatestAndMinusOneToTheHighestLiveVersion() {
            // given
            registry.register("user-value", USER_V1);
            registry.register("user-value", USER_V2_WITH_DEFAULT);

            // then
            assertThat(registry.version("user-value", VersionRef.parse("latest"), false).version())
                    .isEqualTo(2);
            assertThat(registry.version("user-value", VersionRef.parse("-1"), false).version())
                    .isEqualTo(2);
        }

        @Test
        void shouldRejectVersionsThatAreNotPositiveNumbers() {
            assertThatThrownBy(() -> VersionRef.parse("0")).isInstanceOf(InvalidVersionException.class);
            assertThatThrownBy(() -> VersionRef.parse("two")).isInstanceOf(InvalidVersionException.class);
            assertThatThrownBy(() -> VersionRef.parse("-2")).isInstanceOf(InvalidVersionException.class);
        }

        @Test
        void shouldAnswerVersionNotFoundForAMissingVersionOfAnExistingSubject() {
            // given
            registry.register("user-value", USER_V1);

            // then
            assertThatThrownBy(() -> registry.version("user-value", VersionRef.parse("7"), false))
                    .isInstanceOf(VersionNotFoundException.class)
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40402);
            assertThatThrownBy(() -> registry.version("nobody-value", VersionRef.LATEST, false))
                    .isInstanceOf(SubjectNotFoundException.class);
        }
    }
}
