package io.scenelog.testkit.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.testkit.SharedKafka.Mode;
import java.util.Locale;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers' Kafka, configured like the embedded broker's one-node defaults. */
final class ContainerSharedKafka implements RunningKafka {

    private final KafkaContainer container;

    private ContainerSharedKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerSharedKafka start(String image) {
        // The broker version follows the Kafka clients on the classpath unless told otherwise.
        String effectiveImage = image == null || image.isBlank()
                ? "apache/kafka:" + AppInfoParser.getVersion() : image;
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(effectiveImage));
        // Same one-node settings as the embedded broker, so a test behaves alike on both.
        BrokerSettings.oneNodeDefaults().forEach((key, value) -> container.withEnv(environmentName(key), value));
        container.start();
        return new ContainerSharedKafka(container);
    }

    /** The apache/kafka image reads broker configs from {@code KAFKA_} variables, dots as underscores. */
    static String environmentName(String brokerConfig) {
        return "KAFKA_" + brokerConfig.replace("_", "__").replace(".", "_").toUpperCase(Locale.ROOT);
    }

    @Override
    public Mode mode() {
        return Mode.TESTCONTAINERS;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
