package io.scenelog.streams.internal;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an output cannot be written: a transient failure is retried; a record too large for the broker sends the
 * source record to {@code dead-letters}; anything else fails the thread (it is replaced and retries). The commit
 * processor measures its outputs first ({@code maxRecordBytes}), so a too-large output reaching this handler means
 * the broker's or topic's limit is below that setting: lower the setting.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            LOG.warn("Writing to {} failed transiently, retrying: {}", record.topic(), exception.getMessage());
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException) {
            LOG.error("An output to {} is too large for the broker; the source record {}-{}@{} goes to {}. Lower"
                    + " maxRecordBytes below the broker's and topic's limits.", record.topic(), context.topic(),
                    context.partition(), context.offset(), deadLetterTopic, exception);
            return Response.resume(sourceAsDeadLetter(context, exception));
        }
        LOG.error("Writing to {} failed; the stream thread fails and is replaced.", record.topic(), exception);
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the record raw; only topic() is read here
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (DeadLetters.isRetriable(exception)) {
            LOG.warn("Serialising an output to {} failed transiently: {}", record.topic(), exception.getMessage());
            return Response.fail();
        }
        LOG.error("Serialising an output {} to {} failed; the source record goes to {}.", origin, record.topic(),
                deadLetterTopic, exception);
        return Response.resume(sourceAsDeadLetter(context, exception));
    }

    private List<ProducerRecord<byte[], byte[]>> sourceAsDeadLetter(ErrorHandlerContext context,
            Exception exception) {
        return DeadLetters.of(deadLetterTopic, "production", context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), context.topic(), context.partition(), context.offset(), exception);
    }
}
