package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import static io.scenelog.edge.registry.internal.Schemas.STRING;
import static io.scenelog.edge.registry.internal.Schemas.USER_V1;
import static io.scenelog.edge.registry.internal.Schemas.USER_V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import org.junit.jupiter.api.Test;

class RegistryLogReplayTest {

    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private final RegistryService registry = new RegistryService(store);

    @Test
    void shouldRebuildTheSameIdsAndVersionsFromTheLog() {
        // given
        int v1 = registry.register("user-value", USER_V1);
        int v2 = registry.register("user-value", USER_V2_WITH_DEFAULT);
        registry.setLevel("user-value", CompatibilityLevel.FULL);
        registry.register("other-value", STRING);
        registry.deleteVersion("user-value", VersionRef.parse("1"), false);

        // when
        RegistryService restarted = new RegistryService(InMemoryRegistryStore.replaying(store.log()));

        // then
        assertThat(restarted.versions("user-value", false)).containsExactly(2);
        assertThat(restarted.version("user-value", VersionRef.parse("1"), true).id()).isEqualTo(v1);
        assertThat(restarted.version("user-value", VersionRef.LATEST, false).id()).isEqualTo(v2);
        assertThat(restarted.subjectLevel("user-value", false)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(restarted.subjects(false)).containsExactly("other-value", "user-value");
        assertThat(restarted.maxId()).isEqualTo(registry.maxId());
    }

    @Test
    void shouldSkipGarbageWithoutAssigningAnId() {
        // given
        registry.register("user-value", USER_V1);
        store.append(new EncodedRecord("not json", "{\"id\": 1000}"));
        store.append(new EncodedRecord("{\"keytype\":\"SCHEMA\",\"subject\":\"x\",\"version\":1,"
                + "\"magic\":1}", "{\"subject\":\"x\",\"version\":1,\"id\":500,\"schema\":\"nope\","
                + "\"deleted\":false}"));

        // when
        int next = registry.register("other-value", STRING);

        // then
        assertThat(store.skipped()).hasSize(2);
        assertThat(next).isEqualTo(2);
        assertThat(registry.subjects(true)).containsExactly("other-value", "user-value");
    }

    @Test
    void shouldSkipARecordClaimingAnIdThatNamesAnotherSchema() {
        // given
        int id = registry.register("user-value", USER_V1);
        String forged = new RecordCodec().encode(new RegistryRecord.SchemaVersionRecord(
                "forged-value", 1, id, STRING, false)).value();

        // when
        store.append(new EncodedRecord("{\"keytype\":\"SCHEMA\",\"subject\":\"forged-value\","
                + "\"version\":1,\"magic\":1}", forged));

        // then
        assertThat(store.skipped()).hasSize(1);
        assertThat(registry.schemaById(id).text()).isEqualTo(USER_V1);
        assertThat(registry.subjects(true)).containsExactly("user-value");
    }
}
