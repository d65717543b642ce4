package io.scenelog.edge.registry;

import java.util.Optional;

/**
 * A snapshot of a registry's health.
 *
 * @param caughtUp whether the registry has read its whole log as it was at start-up
 * @param following whether it is still following the log
 * @param kafkaReachable whether Kafka answered just now
 * @param position the next log offset the registry will apply
 * @param committedEnd the end of the committed log, -1 when Kafka did not answer
 * @param problem what is wrong, if anything
 */
public record RegistryHealth(boolean caughtUp, boolean following, boolean kafkaReachable, long position,
        long committedEnd, Optional<String> problem) {

    /** Whether the registry can serve: caught up, following, and Kafka reachable. */
    public boolean ready() {
        return caughtUp && following && kafkaReachable;
    }

    /** How many committed log records the registry has not applied yet; -1 if unknown. */
    public long lag() {
        return committedEnd < 0 ? -1 : Math.max(0, committedEnd - position);
    }
}
