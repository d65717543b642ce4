package io.scenelog.streams.internal;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (a bug, a record with no value, a result too large to commit) goes to
 * {@code dead-letters} with its source bytes, and processing goes on. Business rejections never get here: they are
 * results. A transient failure (registry or broker unreachable) fails the thread, which is replaced and retries.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            LOG.warn("Processing record {}-{}@{} failed transiently: {}; the stream thread will retry it.",
                    context.topic(), context.partition(), context.offset(), exception.getMessage());
            return Response.fail();
        }
        LOG.error("Processing record {}-{}@{} failed in {}; it goes to {}.", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), deadLetterTopic, exception);
        return Response.resume(DeadLetters.of(deadLetterTopic, "processing", context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), context.topic(), context.partition(), context.offset(),
                exception));
    }
}
