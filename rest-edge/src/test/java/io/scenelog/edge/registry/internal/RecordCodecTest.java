package io.scenelog.edge.registry.internal;

import io.scenelog.schemas.compat.CompatibilityLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.CompatibilityRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.IdWatermarkRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionRecord;
import io.scenelog.edge.registry.internal.RegistryRecord.SchemaVersionTombstone;
import io.scenelog.edge.registry.internal.RegistryRecord.SubjectDeletedRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec();

    @Test
    void shouldWriteSchemaRecordsInConfluentsFormat() {
        // when
        EncodedRecord encoded = codec.encode(new SchemaVersionRecord("user-value", 3, 7, "\"string\"",
                false));

        // then
        assertThat(encoded.key())
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"user-value\",\"version\":3,\"magic\":1}");
        assertThat(encoded.value()).isEqualTo("{\"subject\":\"user-value\",\"version\":3,\"id\":7,"
                + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    }

    @Test
    void shouldWriteConfigAndDeleteSubjectRecordsInConfluentsFormat() {
        assertThat(codec.encode(new CompatibilityRecord(null, CompatibilityLevel.FULL)))
                .isEqualTo(new EncodedRecord("{\"keytype\":\"CONFIG\",\"magic\":0}",
                        "{\"compatibilityLevel\":\"FULL\"}"));
        assertThat(codec.encode(new CompatibilityRecord("s", null)))
                .isEqualTo(new EncodedRecord("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}",
                        null));
        assertThat(codec.encode(new SubjectDeletedRecord("s", 4)))
                .isEqualTo(new EncodedRecord(
                        "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
                        "{\"subject\":\"s\",\"version\":4}"));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldDecodeWhatItEncodes(RegistryRecord record) {
        // given
        EncodedRecord encoded = codec.encode(record);

        // when
        RegistryRecord decoded = codec.decode(encoded.key(), encoded.value()).orElseThrow();

        // then
        assertThat(decoded).isEqualTo(record);
    }

    static Stream<RegistryRecord> records() {
        return Stream.of(
                new SchemaVersionRecord("a", 1, 1, "\"int\"", false),
                new SchemaVersionRecord("a", 2, 5, "\"long\"", true),
                new SchemaVersionTombstone("a", 2),
                new CompatibilityRecord(null, CompatibilityLevel.NONE),
                new CompatibilityRecord(null, null),
                new CompatibilityRecord("a", CompatibilityLevel.FORWARD_TRANSITIVE),
                new CompatibilityRecord("a", null),
                new SubjectDeletedRecord("a", 3),
                new IdWatermarkRecord(42));
    }

    @Test
    void shouldDecodeAGlobalConfigKeyWithAnExplicitNullSubject() {
        assertThat(codec.decode("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                "{\"compatibilityLevel\":\"FORWARD\"}"))
                .contains(new CompatibilityRecord(null, CompatibilityLevel.FORWARD));
    }

    @Test
    void shouldDecodeConfluentsNoopKeysToNothing() {
        assertThat(codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "[1,2]",
            "{\"keytype\":\"SOMETHING\",\"magic\":0}",
            "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"magic\":1}",
            "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":\"one\",\"magic\":1}"
    })
    void shouldRefuseKeysThatAreNotRegistryKeys(String key) {
        assertThatThrownBy(() -> codec.decode(key, "{}"))
                .isInstanceOf(MalformedRecordException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "{\"subject\":\"a\",\"version\":1,\"schema\":\"\\\"int\\\"\"}",
            "{\"subject\":\"b\",\"version\":1,\"id\":3,\"schema\":\"\\\"int\\\"\"}",
            "{\"subject\":\"a\",\"version\":2,\"id\":3,\"schema\":\"\\\"int\\\"\"}",
            "{\"subject\":\"a\",\"version\":1,\"id\":3,\"schema\":\"\\\"int\\\"\",\"deleted\":\"no\"}",
            "{\"subject\":\"a\",\"version\":1,\"id\":3,\"schema\":\"x\",\"schemaType\":\"PROTOBUF\"}"
    })
    void shouldRefuseSchemaValuesThatDoNotMatchTheirKey(String value) {
        assertThatThrownBy(() -> codec.decode(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}", value))
                .isInstanceOf(MalformedRecordException.class);
    }
}
