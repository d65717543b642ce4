package io.scenelog.edge.registry.internal;

import java.util.List;

/**
 * The outcome of deciding a write against the current state: the records to append to the log
 * (none when the request changes nothing, e.g. re-registering a known schema) and the answer to
 * give once they are applied.
 *
 * @param records the records to append atomically, in order
 * @param result the answer for the client
 * @param <T> the answer's type
 */
public record Decision<T>(List<RegistryRecord> records, T result) {

    public Decision {
        records = List.copyOf(records);
    }

    /** A decision that writes nothing. */
    public static <T> Decision<T> answer(T result) {
        return new Decision<>(List.of(), result);
    }

    /** A decision that writes {@code records} and then answers {@code result}. */
    public static <T> Decision<T> write(T result, RegistryRecord... records) {
        return new Decision<>(List.of(records), result);
    }
}
