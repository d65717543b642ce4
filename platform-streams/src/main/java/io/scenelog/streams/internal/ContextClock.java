package io.scenelog.streams.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The processor's notion of now: Kafka Streams' cached wall-clock time, which TopologyTestDriver controls, so
 * token expiry and decision times are testable without sleeping.
 */
final class ContextClock extends Clock {

    private final ProcessorContext<?, ?> context;

    ContextClock(ProcessorContext<?, ?> context) {
        this.context = context;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
