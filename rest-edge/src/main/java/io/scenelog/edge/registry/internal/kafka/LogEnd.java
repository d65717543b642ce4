package io.scenelog.edge.registry.internal.kafka;

import io.scenelog.edge.registry.internal.RegistryStoreException;
import io.scenelog.edge.registry.internal.RegistryTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Asks Kafka where the committed part of the registry's log ends. */
final class LogEnd {

    private final Admin admin;
    private final TopicPartition partition;

    LogEnd(Admin admin, TopicPartition partition) {
        this.admin = admin;
        this.partition = partition;
    }

    /**
     * The last stable offset: everything before it is committed or aborted, so a
     * {@code read_committed} reader that reached it has seen every committed record.
     */
    long committedEnd(Duration timeout) {
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMs))
                    .partitionResult(partition)
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .offset();
        } catch (TimeoutException e) {
            throw new RegistryTimeoutException("Timed out asking Kafka for the end of " + partition
                    + " within " + timeout.toMillis() + " ms.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException cause) {
                throw new RegistryTimeoutException("Timed out asking Kafka for the end of " + partition
                        + ": " + cause.getMessage(), cause);
            }
            throw new RegistryStoreException("Cannot ask Kafka for the end of " + partition + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryTimeoutException("Interrupted while asking Kafka for the end of " + partition, e);
        }
    }
}
