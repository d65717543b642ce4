package io.scenelog.topics;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** How Kafka disposes of a topic's old records: by age/size ({@link #DELETE}) or by key ({@link #COMPACT}). */
public enum CleanupPolicy {
    /** Old segments are deleted when they pass the topic's retention. */
    DELETE("delete"),
    /** Only the latest record per key is kept; a tombstone removes the key. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of Kafka's {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }

    /**
     * Parses Kafka's {@code cleanup.policy} value, which may list several policies ("compact,delete").
     *
     * @return the policies named, in a stable order
     */
    public static Set<String> parseConfig(String value) {
        Set<String> policies = new TreeSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(policies::add);
        return policies;
    }
}
