package io.scenelog.streams.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input record that does not decode (not the wire format, an unknown schema id, another record type) goes to
 * {@code dead-letters} and processing goes on. A registry that cannot be reached is not the record's fault: the
 * thread fails, is replaced, and reads the record again.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            LOG.warn("Cannot decode record {}-{}@{} yet: {}; the stream thread will retry it.", record.topic(),
                    record.partition(), record.offset(), exception.getMessage());
            return Response.fail();
        }
        LOG.warn("Record {}-{}@{} does not decode and goes to {}: {}", record.topic(), record.partition(),
                record.offset(), deadLetterTopic, exception.getMessage());
        return Response.resume(DeadLetters.of(deadLetterTopic, "deserialization", record.key(), record.value(),
                record.headers(), record.topic(), record.partition(), record.offset(), exception));
    }
}
