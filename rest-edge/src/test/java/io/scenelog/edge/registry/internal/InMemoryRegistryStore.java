package io.scenelog.edge.registry.internal;

import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A registry store whose log is a list: every write goes through the record codec, as it would
 * through Kafka, so tests exercise encoding, decoding and applying together.
 */
final class InMemoryRegistryStore implements RegistryStore {

    private final RecordCodec codec = new RecordCodec();
    private final List<EncodedRecord> log = new ArrayList<>();
    private final List<EncodedRecord> skipped = new ArrayList<>();
    private final RegistryState state = new RegistryState();

    /** A store that has read {@code log} from the beginning, skipping what does not decode. */
    static InMemoryRegistryStore replaying(List<EncodedRecord> log) {
        InMemoryRegistryStore store = new InMemoryRegistryStore();
        log.forEach(store::append);
        return store;
    }

    @Override
    public <T> T read(Function<RegistryState, T> query) {
        return query.apply(state);
    }

    @Override
    public <T> T write(Function<RegistryState, Decision<T>> command) {
        Decision<T> decision = command.apply(state);
        decision.records().forEach(record -> append(codec.encode(record)));
        return decision.result();
    }

    /** Appends a raw record to the log and applies it if it is a valid registry record. */
    void append(EncodedRecord record) {
        log.add(record);
        try {
            codec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (MalformedRecordException | InconsistentRecordException e) {
            // Like the Kafka reader: a bad record is skipped, and the test inspects the outcome.
            skipped.add(record);
        }
    }

    /** The log as written so far. */
    List<EncodedRecord> log() {
        return List.copyOf(log);
    }

    /** Records that were appended but skipped. */
    List<EncodedRecord> skipped() {
        return List.copyOf(skipped);
    }
}
