package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import static io.scenelog.edge.registry.internal.Schemas.STRING;
import static io.scenelog.edge.registry.internal.Schemas.USER_V1;
import static io.scenelog.edge.registry.internal.Schemas.USER_V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistryDeletionTest {

    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final RegistryService registry = new RegistryService(store);

    @Nested
    class Subjects {

        @Test
        void shouldHideASoftDeletedSubjectFromNormalReads() {
            // given
            registry.register("user-value", USER_V1);
            registry.register("user-value", USER_V2_WITH_DEFAULT);

            // when
            List<Integer> deleted = registry.deleteSubject("user-value", false);

            // then
            assertThat(deleted).containsExactly(1, 2);
            assertThat(registry.subjects(false)).doesNotContain("user-value");
            assertThat(registry.subjects(true)).contains("user-value");
            assertThatThrownBy(() -> registry.versions("user-value", false))
                    .isInstanceOf(SubjectNotFoundException.class);
            assertThat(registry.versions("user-value", true)).containsExactly(1, 2);
        }

        @Test
        void shouldKeepSchemasReadableByIdAfterASoftDelete() {
            // given
            int id = registry.register("user-value", USER_V1);

            // when
            registry.deleteSubject("user-value", false);

            // then
            assertThat(registry.schemaById(id).text()).isEqualTo(USER_V1);
        }

        @Test
        void shouldAnswerSoftDeletedWhenSoftDeletingTwice() {
            // given
            registry.register("user-value", USER_V1);
            registry.deleteSubject("user-value", false);

            // then
            assertThatThrownBy(() -> registry.deleteSubject("user-value", false))
                    .isInstanceOf(SubjectSoftDeletedException.class)
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40404);
        }

        @Test
        void shouldRefuseAPermanentDeleteBeforeASoftDelete() {
            // given
            registry.register("user-value", USER_V1);

            // then
            assertThatThrownBy(() -> registry.deleteSubject("user-value", true))
                    .isInstanceOf(SubjectNotSoftDeletedException.class)
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40405);
        }

        @Test
        void shouldForgetASubjectAndItsSchemaAfterAPermanentDelete() {
            // given
            int id = registry.register("user-value", USER_V1);
            registry.deleteSubject("user-value", false);

            // when
            List<Integer> deleted = registry.deleteSubject("user-value", true);

            // then
            assertThat(deleted).containsExactly(1);
            assertThat(registry.subjects(true)).doesNotContain("user-value");
            assertThatThrownBy(() -> registry.schemaById(id)).isInstanceOf(SchemaNotFoundException.class);
        }

        @Test
        void shouldAnswerSubjectNotFoundWhenDeletingAnUnknownSubject() {
            assertThatThrownBy(() -> registry.deleteSubject("nobody-value", false))
                    .isInstanceOf(SubjectNotFoundException.class);
        }

        @Test
        void shouldRemoveTheSubjectLevelWithTheSubject() {
            // given
            registry.register("user-value", USER_V1);
            registry.setLevel("user-value", CompatibilityLevel.NONE);

            // when
            registry.deleteSubject("user-value", false);

            // then
            assertThatThrownBy(() -> registry.subjectLevel("user-value", false))
                    .isInstanceOf(SubjectCompatibilityNotConfiguredException.class);
        }

        @Test
        void shouldContinueVersionNumbersAndReuseTheIdWhenReRegisteringAfterASoftDelete() {
            // given
            int id = registry.register("user-value", USER_V1);
            registry.deleteSubject("user-value", false);

            // when
            int again = registry.register("user-value", USER_V1);

            // then
            assertThat(again).isEqualTo(id);
            assertThat(registry.versions("user-value", false)).containsExactly(2);
        }
    }

    @Nested
    class Versions {

        @Test
        void shouldHideASoftDeletedVersion() {
            // given
            registry.register("user-value", USER_V1);
            registry.register("user-value", USER_V2_WITH_DEFAULT);

            // when
            int deleted = registry.deleteVersion("user-value", VersionRef.parse("2"), false);

            // then
            assertThat(deleted).isEqualTo(2);
            assertThat(registry.versions("user-value", false)).containsExactly(1);
            assertThat(registry.version("user-value", VersionRef.LATEST, false).version()).isEqualTo(1);
            assertThatThrownBy(() -> registry.version("user-value", VersionRef.parse("2"), false))
                    .isInstanceOf(VersionNotFoundException.class);
            assertThat(registry.version("user-value", VersionRef.parse("2"), true).deleted()).isTrue();
        }

        @Test
        void shouldAnswerVersionSoftDeletedWhenSoftDeletingTwice() {
            // given
            registry.register("user-value", USER_V1);
            registry.deleteVersion("user-value", VersionRef.parse("1"), false);

            // then
            assertThatThrownBy(() -> registry.deleteVersion("user-value", VersionRef.parse("1"), false))
                    .isInstanceOf(VersionSoftDeletedException.class)
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40406);
        }

        @Test
        void shouldRefuseAPermanentVersionDeleteBeforeASoftDelete() {
            // given
            registry.register("user-value", USER_V1);

            // then
            assertThatThrownBy(() -> registry.deleteVersion("user-value", VersionRef.parse("1"), true))
                    .isInstanceOf(VersionNotSoftDeletedException.class)
                    .extracting(e -> ((RegistryException) e).errorCode().code()).isEqualTo(40407);
        }

        @Test
        void shouldAnswerVersionNotFoundForAMissingVersion() {
            // given
            registry.register("user-value", USER_V1);

            // then
            assertThatThrownBy(() -> registry.deleteVersion("user-value", VersionRef.parse("5"), false))
                    .isInstanceOf(VersionNotFoundException.class);
        }
    }

    @Nested
    class Ids {

        @Test
        void shouldNeverReuseAnIdAfterAPermanentDelete() {
            // given
            registry.register("user-value", USER_V1);
            int second = registry.register("other-value", STRING);
            registry.deleteSubject("other-value", false);
            registry.deleteSubject("other-value", true);

            // when
            int next = registry.register("third-value", USER_V2_WITH_DEFAULT);

            // then
            assertThat(next).isGreaterThan(second);
        }

        @Test
        void shouldNeverReuseAnIdAfterCompactionDroppedThePermanentlyDeletedVersion() {
            // given
            registry.register("user-value", USER_V1);
            int second = registry.register("other-value", STRING);
            registry.deleteSubject("other-value", false);
            registry.deleteSubject("other-value", true);

            // when: a fresh registry reads the log as compaction leaves it, tombstones purged
            InMemoryRegistryStore restarted = InMemoryRegistryStore.replaying(compacted(store.log()));
            int next = new RegistryService(restarted).register("third-value", USER_V2_WITH_DEFAULT);

            // then
            assertThat(next).isGreaterThan(second);
        }

        // Keeps the latest record per key and drops tombstones, as log compaction eventually does.
        private List<EncodedRecord> compacted(List<EncodedRecord> log) {
            Map<String, EncodedRecord> latest = new LinkedHashMap<>();
            log.forEach(record -> {
                latest.remove(record.key());
                latest.put(record.key(), record);
            });
            return latest.values().stream().filter(record -> record.value() != null).toList();
        }
    }
}
