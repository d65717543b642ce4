package io.scenelog.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.streams.auth.TokenKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final TokenKey key = TokenKey.generate();

    private StreamsSettings.Builder builder() {
        return StreamsSettings.builder("127.0.0.1:9092", "http://127.0.0.1:8081", key);
    }

    @Test
    void shouldDefaultToTheDocumentedValues() {
        // when
        StreamsSettings settings = builder().build();

        // then
        assertThat(settings.applicationId()).isEqualTo("scenelog-platform");
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(settings.dedupHorizon()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.storeKind()).isEqualTo(StoreKind.ROCKSDB);
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.applicationServer()).isEmpty();
        assertThat(settings.provisionTopics()).isTrue();
    }

    @Test
    void shouldNameTheSettingAndTheFix() {
        assertThatThrownBy(() -> builder().commitInterval(Duration.ZERO).build())
                .isInstanceOf(InvalidStreamsSettingsException.class)
                .hasMessageContaining("'commitInterval'").hasMessageContaining("positive duration");
        assertThatThrownBy(() -> builder().applicationServer("no-port").build())
                .hasMessageContaining("'applicationServer'").hasMessageContaining("host:port");
        assertThatThrownBy(() -> builder().rocksDbMemory(64L << 20, 48L << 20).build())
                .hasMessageContaining("'rocksDbWriteBufferBytes'").hasMessageContaining("half");
        assertThatThrownBy(() -> StreamsSettings.builder("127.0.0.1:9092", "ftp://x", key).build())
                .hasMessageContaining("'schemaRegistryUrl'");
        assertThatThrownBy(() -> builder().applicationId("has space").build())
                .hasMessageContaining("'applicationId'");
        assertThatThrownBy(() -> StreamsSettings.builder("127.0.0.1:9092", "http://r:8081", null).build())
                .hasMessageContaining("'tokenKey'");
        assertThatThrownBy(() -> builder().maxRecordBytes(10).build()).hasMessageContaining("'maxRecordBytes'");
    }

    @Test
    void shouldNeverPrintTheTokenKey() {
        assertThat(builder().build().toString()).doesNotContain(key.toBase64());
    }

    @Test
    void shouldRoundTripThroughItsBuilder() {
        // given
        StreamsSettings settings = builder().applicationServer("streams-1:7070").streamThreads(2).build();

        // then
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}
