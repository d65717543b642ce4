package io.scenelog.topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one topic is laid out in Kafka: its name, partition count, cleanup policy, retention and any further topic
 * configs. Replication is a property of the deployment, not of the topic, so it is chosen at provisioning time.
 *
 * @param name       the topic name, as Kafka sees it
 * @param partitions the partition count; scene-keyed topics share one count so they stay co-partitioned
 * @param cleanup    delete or compact
 * @param retention  how long records are kept; empty means forever
 * @param configs    further topic configs (e.g. compaction lag), applied at creation
 * @param purpose    one line for operators: what the topic is for and who reads it
 */
public record TopicSpec(
        String name,
        int partitions,
        CleanupPolicy cleanup,
        Optional<Duration> retention,
        Map<String, String> configs,
        String purpose) {

    /** Kafka's own limit for topic names: legal characters and at most 249 of them. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(purpose, "purpose");
        if (!LEGAL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Topic name '" + name + "' is not a legal Kafka topic name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition, got " + partitions);
        }
        retention.ifPresent(r -> {
            if (r.isNegative() || r.isZero()) {
                throw new IllegalArgumentException("Topic " + name + " retention must be positive, got " + r);
            }
        });
        configs = Map.copyOf(configs);
    }

    /** The same topic with another retention (e.g. an operator's choice for the commit log). */
    public TopicSpec withRetention(Optional<Duration> newRetention) {
        return new TopicSpec(name, partitions, cleanup, newRetention, configs, purpose);
    }

    /** Every topic config this spec sets, as Kafka expects them at creation. */
    public Map<String, String> topicConfigs() {
        Map<String, String> all = new LinkedHashMap<>(configs);
        all.put("cleanup.policy", cleanup.configValue());
        all.put("retention.ms", retention.map(r -> Long.toString(r.toMillis())).orElse("-1"));
        return all;
    }
}
