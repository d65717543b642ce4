package io.scenelog.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.streams.StreamsSettings;
import io.scenelog.streams.auth.TokenKey;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsConfigsTest {

    private static final String BACKOFF = StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
    private static final String BACKOFF_MAX =
            StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG);

    private final StreamsSettings.Builder builder =
            StreamsSettings.builder("127.0.0.1:9092", "http://127.0.0.1:8081", TokenKey.generate());

    @Test
    void shouldRetryTransactionalSendsSoonerThanTheClientDefault() {
        // when
        Properties props = StreamsConfigs.of(builder.build(), null);

        // then: a send refused while the previous transaction completes must not wait 100 ms to 1 s
        assertThat(props.get(BACKOFF)).isEqualTo(StreamsConfigs.RETRY_BACKOFF_MS);
        assertThat(props.get(BACKOFF_MAX)).isEqualTo(StreamsConfigs.RETRY_BACKOFF_MAX_MS);
        assertThat(StreamsConfigs.RETRY_BACKOFF_MS).isLessThan(CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS);
    }

    @Test
    void shouldLetOverridesChangeTheBackoff() {
        // when
        Properties props = StreamsConfigs.of(builder.kafkaOverrides(Map.of(BACKOFF, "250")).build(), null);

        // then
        assertThat(props.get(BACKOFF)).isEqualTo("250");
    }

    @Test
    void shouldPollAQuarterOfTheCommitInterval() {
        // when
        Properties fast = StreamsConfigs.of(builder.commitInterval(Duration.ofMillis(20)).build(), null);
        Properties fastest = StreamsConfigs.of(builder.commitInterval(Duration.ofMillis(2)).build(), null);
        Properties slow = StreamsConfigs.of(builder.commitInterval(Duration.ofSeconds(1)).build(), null);

        // then: an idle stream thread must not sit in poll long past the commit it owes waiting writers
        assertThat(fast.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(5L);
        assertThat(fastest.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(1L);
        assertThat(slow.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(StreamsConfigs.DEFAULT_POLL_MS);
    }

    @Test
    void shouldSendOutputsBeforeTheCommitNeedsThem() {
        // when
        Properties props = StreamsConfigs.of(builder.build(), null);

        // then: not Kafka Streams' 100 ms, which holds every record until the commit's flush
        assertThat(props.get(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG)))
                .isEqualTo(StreamsConfigs.LINGER_MS);
        assertThat(StreamsConfigs.LINGER_MS).isLessThan(StreamsSettings.DEFAULT_COMMIT_INTERVAL.toMillis());
    }
}
