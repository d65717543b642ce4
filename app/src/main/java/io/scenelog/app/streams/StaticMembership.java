package io.scenelog.app.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Static group membership for a platform-streams instance. Without it, an instance restarted after a crash waits
 * for the group coordinator to time its dead predecessor out (the session timeout, 45 s by default) before the
 * partitions are reassigned; with a stable instance id it takes them back as soon as it rejoins.
 */
public final class StaticMembership {

    private StaticMembership() {
    }

    /**
     * The Kafka overrides with the main consumer's {@code group.instance.id} set (Kafka Streams appends each
     * thread's index), or unchanged when no id is given.
     *
     * @throws IllegalArgumentException when the id is blank
     */
    public static Map<String, String> with(Map<String, String> overrides, String instanceId) {
        Map<String, String> result = new LinkedHashMap<>(overrides);
        if (instanceId != null) {
            if (instanceId.isBlank()) {
                throw new IllegalArgumentException("--instance-id is blank: give a stable name such as streams-1");
            }
            result.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        }
        return result;
    }
}
