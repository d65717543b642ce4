package io.scenelog.topics;

import java.util.List;

/**
 * The outcome of provisioning or verifying one topic.
 *
 * @param name        the topic
 * @param state       what was found or done
 * @param differences for {@link State#MISMATCH}: each way the existing topic differs from the catalogue;
 *                    for {@link State#VERIFIED}: harmless drifts worth telling an operator (e.g. retention)
 */
public record TopicStatus(String name, State state, List<String> differences) {

    /** What provisioning found. */
    public enum State {
        /** The topic did not exist and was created as the catalogue says. */
        CREATED,
        /** The topic exists and matches the catalogue in everything that matters. */
        VERIFIED,
        /** The topic does not exist (verification only; nothing was created). */
        MISSING,
        /** The topic exists but differs from the catalogue in partitions or cleanup policy. */
        MISMATCH
    }

    public TopicStatus {
        differences = List.copyOf(differences);
    }

    /** Whether the topic can be used as it is. */
    public boolean usable() {
        return state == State.CREATED || state == State.VERIFIED;
    }

    /** One line for people, e.g. {@code scene-events  MISMATCH  partitions: expected 12, found 3}. */
    public String describe() {
        String detail = differences.isEmpty() ? "" : "  " + String.join("; ", differences);
        return String.format("%-16s %-9s%s", name, state, detail);
    }
}
