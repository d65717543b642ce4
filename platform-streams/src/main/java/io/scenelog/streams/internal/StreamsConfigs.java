package io.scenelog.streams.internal;

import io.scenelog.streams.StreamsSettings;
import io.scenelog.topics.Topics;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the commit pipeline, from its settings. */
public final class StreamsConfigs {

    /** The producer's first retry backoff: about the time a broker needs to finish a transaction's markers. */
    static final long RETRY_BACKOFF_MS = 5;
    /** The producer's longest retry backoff, reached by doubling when a broker stays unavailable. */
    static final long RETRY_BACKOFF_MAX_MS = 200;
    /** Kafka Streams' own default poll.ms, the longest poll whatever the commit interval. */
    static final long DEFAULT_POLL_MS = 100L;
    /** Polls per commit interval: how finely an idle stream thread notices that a commit is due. */
    static final long POLLS_PER_COMMIT = 4;
    /**
     * The producer's linger: the Kafka client's own default. Kafka Streams overrides it with 100 ms, which holds
     * every output record until the commit's flush; see {@link #of}.
     */
    static final long LINGER_MS = 5;

    private StreamsConfigs() {
    }

    /**
     * @param settings          the validated settings
     * @param applicationServer the host:port peers query (with the port actually bound), or null for none
     */
    public static Properties of(StreamsSettings settings, String applicationServer) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        // The stream thread blocks in poll for up to poll.ms (default 100 ms) when no record is waiting, and checks
        // whether a commit is due only between polls. Writers that wait for their result before sending again
        // (REST callers, closed-loop clients) leave the thread idle right after each burst, so with the default
        // every commit came ~100 ms late and capped them at one round per ~120 ms whatever the commit interval.
        // Polling exactly one commit interval still made a lone action (an edit in a viewer) wait a whole interval:
        // the poll after it blocks that long before the commit check. A quarter of the interval commits it at most
        // a quarter late (and never under 1 ms).
        props.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1L, Math.min(DEFAULT_POLL_MS,
                settings.commitInterval().toMillis() / POLLS_PER_COMMIT)));
        // Kafka Streams lingers 100 ms: with a shorter commit interval every output record waited for the commit's
        // flush, and only then did the broker see the transaction's first send (under transaction version 2 it
        // checks that send with the transaction coordinator: a few ms more, all on the commit's critical path).
        // Sent within 5 ms, the records and that check are done while the commit interval runs; bursts still batch.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        // No record cache: outputs go to the producer at once and become visible at the next commit.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class.getName());
        props.put(BoundedMemoryRocksDbConfig.MEMORY_BYTES, Long.toString(settings.rocksDbMemoryBytes()));
        props.put(BoundedMemoryRocksDbConfig.WRITE_BUFFER_BYTES,
                Long.toString(settings.rocksDbWriteBufferBytes()));
        // Exactly-once implies an idempotent producer; said explicitly so no override can turn it off unnoticed.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        // Under transaction version 2 the first send of a transaction is often answered CONCURRENT_TRANSACTIONS
        // while the broker still writes the previous commit's markers (a few ms). With the client's default backoff
        // (100 ms, doubling to 1 s) the commit's flush then waits hundreds of ms for that retry: retry soon instead,
        // with a low ceiling. Only the wait changes; retries and idempotence stay as they were.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), RETRY_BACKOFF_MS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), RETRY_BACKOFF_MAX_MS);
        props.putAll(settings.kafkaOverrides());
        return props;
    }
}
