package io.scenelog.topics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when existing topics differ from the catalogue in a way that would break Scenelog (partition
 * count, cleanup policy). Not retryable: an operator has to fix the topic (or the data directory) first.
 */
public final class TopicMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<TopicStatus> mismatches;

    public TopicMismatchException(List<TopicStatus> mismatches) {
        super(message(mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** The topics that differ, each with its differences. */
    public List<TopicStatus> mismatches() {
        return mismatches;
    }

    private static String message(List<TopicStatus> mismatches) {
        return "Existing Kafka topics differ from the Scenelog topic catalogue: "
                + mismatches.stream()
                        .map(s -> s.name() + " (" + String.join("; ", s.differences()) + ")")
                        .collect(Collectors.joining(", "))
                + ". Partition counts and cleanup policies cannot be changed in place: recreate the topic "
                + "(or start from an empty data directory), or run a Scenelog version whose catalogue matches.";
    }
}
