package io.scenelog.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.streams.auth.TokenKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformStreamsTest {

    @Test
    void shouldGiveTheTopicProvisionerTheConnectionSettingsAmongTheOverrides() {
        // given
        StreamsSettings settings = StreamsSettings.builder("broker:9093", "http://registry:8081", TokenKey.generate())
                .kafkaOverrides(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                        "admin.request.timeout.ms", "5000", "producer.linger.ms", "1", "num.stream.threads", "2"))
                .build();

        // when
        Map<String, Object> admin = PlatformStreams.adminConfig(settings);

        // then
        assertThat(admin).containsOnly(
                Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("request.timeout.ms", "5000"));
    }

    @Test
    void shouldUseEveryTopicTheTopologyReadsOrWrites() {
        assertThat(PlatformStreams.TOPICS).extracting(t -> t.name()).containsExactlyInAnyOrder("scene-actions",
                "scene-control", "scene-events", "scene-state", "session-state", "action-results", "sessions",
                "scenes", "render-nodes", "dead-letters");
    }
}
