package io.scenelog.streams.internal;

import io.scenelog.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Builds {@code dead-letters} records: the source record's key and value bytes and headers, plus the failure in
 * the headers Kafka Streams' own dead-letter queue uses (KIP-1034), so tools that read those read ours.
 */
public final class DeadLetters {

    /** The exception's class. */
    public static final String EXCEPTION = "__streams.errors.exception";
    /** The exception's message. */
    public static final String MESSAGE = "__streams.errors.message";
    /** The exception's stack trace (shortened). */
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    /** The source topic. */
    public static final String TOPIC = "__streams.errors.topic";
    /** The source partition. */
    public static final String PARTITION = "__streams.errors.partition";
    /** The source offset. */
    public static final String OFFSET = "__streams.errors.offset";
    /** Which handler sent it: deserialization, processing or production. */
    public static final String STAGE = "scenelog.errors.stage";

    private static final int MAX_STACKTRACE_CHARS = 8_000;

    private DeadLetters() {
    }

    /** The dead-letter topic from the handler's configuration (the catalogue's by default). */
    static String topic(Map<String, ?> configs) {
        Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return configured == null ? Topics.DEAD_LETTERS.name() : configured.toString();
    }

    /** Whether the failure is transient (registry or broker unreachable): retry the record, never dead-letter it. */
    static boolean isRetriable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** One dead letter for a source record. */
    static List<ProducerRecord<byte[], byte[]>> of(String deadLetterTopic, String stage, byte[] key, byte[] value,
            Headers sourceHeaders, String topic, int partition, long offset, Exception failure) {
        Headers headers = new RecordHeaders();
        if (sourceHeaders != null) {
            sourceHeaders.forEach(headers::add);
        }
        put(headers, EXCEPTION, failure.getClass().getName());
        put(headers, MESSAGE, String.valueOf(failure.getMessage()));
        put(headers, STACKTRACE, stackTrace(failure));
        put(headers, TOPIC, String.valueOf(topic));
        put(headers, PARTITION, Integer.toString(partition));
        put(headers, OFFSET, Long.toString(offset));
        put(headers, STAGE, stage);
        return List.of(new ProducerRecord<>(deadLetterTopic, null, key, value, headers));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Exception failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        String all = text.toString();
        return all.length() <= MAX_STACKTRACE_CHARS ? all : all.substring(0, MAX_STACKTRACE_CHARS);
    }
}
