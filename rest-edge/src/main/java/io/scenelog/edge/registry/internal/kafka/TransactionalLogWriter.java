package io.scenelog.edge.registry.internal.kafka;

import io.scenelog.edge.registry.internal.RecordCodec.EncodedRecord;
import io.scenelog.edge.registry.internal.RegistryStoreException;
import io.scenelog.edge.registry.internal.RegistryTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to the registry's log in one Kafka transaction each, under the transactional id
 * every registry instance of the log shares. Initialising the producer fences any other instance
 * and aborts whatever it left half-written, so a record is either committed whole or never seen
 * by {@code read_committed} readers. After any failure the producer is discarded; the next append
 * starts a fresh one, whose initialisation also settles this instance's own unfinished transaction.
 * Not thread-safe: the store serialises writes.
 */
final class TransactionalLogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLogWriter.class);

    private final String topic;
    private final Map<String, Object> producerConfig;
    private Producer<String, String> producer;

    TransactionalLogWriter(String topic, Map<String, Object> producerConfig) {
        this.topic = topic;
        this.producerConfig = Map.copyOf(producerConfig);
    }

    /**
     * Makes sure this instance holds the log's transactional id. Call before catching up with the
     * log: any transaction of an earlier holder is settled once this returns.
     */
    void ensureInitialised() {
        if (producer != null) {
            return;
        }
        KafkaProducer<String, String> fresh = new KafkaProducer<>(producerConfig);
        try {
            fresh.initTransactions();
        } catch (TimeoutException e) {
            fresh.close(Duration.ZERO);
            throw new RegistryTimeoutException("Timed out initialising the transactional writer of "
                    + topic + "; is Kafka reachable?", e);
        } catch (KafkaException e) {
            fresh.close(Duration.ZERO);
            throw new RegistryStoreException("Cannot initialise the transactional writer of " + topic
                    + ": " + e.getMessage(), e);
        }
        producer = fresh;
    }

    /**
     * Appends {@code records} atomically.
     *
     * @return the offset of the last record appended
     * @throws WriterFencedException if another instance holds the transactional id now
     */
    long append(List<EncodedRecord> records) throws WriterFencedException {
        ensureInitialised();
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (EncodedRecord record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, 0, record.key(), record.value())));
            }
            producer.commitTransaction();
            return sent.get(sent.size() - 1).get().offset();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            discard();
            throw new WriterFencedException("Another registry instance took over writing " + topic, e);
        } catch (TimeoutException e) {
            discard();
            throw new RegistryTimeoutException("Timed out writing to " + topic
                    + "; the write may or may not have been applied.", e);
        } catch (KafkaException e) {
            discard();
            throw new RegistryStoreException("Writing to " + topic + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard();
            throw new RegistryStoreException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            // The commit succeeded, so every send did; an error here is unexpected.
            discard();
            throw new RegistryStoreException("Writing to " + topic + " failed: " + e.getCause(), e);
        }
    }

    private void discard() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // Expected when fenced or broken: the next holder's initialisation aborts it instead.
            LOG.debug("Could not abort the registry's transaction on {}: {}", topic, e.toString());
        }
        producer.close(Duration.ZERO);
        producer = null;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
