package io.scenelog.streams.internal;

import io.scenelog.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Serialises output records in the processor, so their exact size is known before anything is committed: an
 * output over the limit would fail the producer's transaction (and every retry of it), so the processor refuses
 * the action instead. The sinks then pass the bytes through.
 */
final class Outputs {

    /** Room for the record's framing and headers on top of key and value. */
    private static final int RECORD_OVERHEAD = 512;

    private final ProcessorContext<RoutedKey, byte[]> context;
    private final Map<Sink, Serializer<Object>> serializers = new EnumMap<>(Sink.class);
    private final int maxRecordBytes;

    @SuppressWarnings("unchecked")
    Outputs(ProcessorContext<RoutedKey, byte[]> context, SchemaRegistryClient registry, int maxRecordBytes) {
        this.context = context;
        this.maxRecordBytes = maxRecordBytes;
        for (Sink sink : Sink.values()) {
            serializers.put(sink, (Serializer<Object>) sink.topic().valueSerde(registry).serializer());
        }
    }

    /** A new, empty batch. */
    Batch batch() {
        return new Batch();
    }

    /**
     * Serialises and sends one record at once (outputs that cannot be too large: records, tombstones).
     *
     * @return the value as sent (null for a tombstone)
     */
    byte[] send(Sink sink, String sceneId, String key, Object value, long timestamp) {
        Batch batch = batch();
        byte[] bytes = batch.add(sink, sceneId, key, value);
        batch.forward(timestamp);
        return bytes;
    }

    /** Records serialised together and sent together, or not at all. */
    final class Batch {

        private final List<Pending> pending = new ArrayList<>();
        private String oversized;

        /**
         * Serialises a record (a null value is a tombstone) and notes whether it fits.
         *
         * @return the value as it will be sent (null for a tombstone), for stores that keep the same bytes
         */
        byte[] add(Sink sink, String sceneId, String key, Object value) {
            String topic = sink.topic().name();
            byte[] bytes = value == null ? null : serializers.get(sink).serialize(topic, value);
            int size = key.length() * 3 + (bytes == null ? 0 : bytes.length) + RECORD_OVERHEAD;
            if (size > maxRecordBytes && oversized == null) {
                oversized = "the " + topic + " record for key " + key + " would be about " + size
                        + " bytes, over the limit of " + maxRecordBytes;
            }
            pending.add(new Pending(sink, new RoutedKey(sceneId, key), bytes));
            return bytes;
        }

        /** Why the batch cannot be sent, if a record is too large. */
        Optional<String> oversized() {
            return Optional.ofNullable(oversized);
        }

        /** Sends every record, in the order added. */
        void forward(long timestamp) {
            for (Pending record : pending) {
                context.forward(new Record<>(record.key(), record.value(), timestamp), record.sink().nodeName());
            }
            pending.clear();
        }
    }

    private record Pending(Sink sink, RoutedKey key, byte[] value) {
    }
}
