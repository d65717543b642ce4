package io.scenelog.bridge.internal.feed;

import io.scenelog.schemas.livelink.Channel;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryException;
import io.scenelog.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code scene-events} values into event frames, copying the Avro bytes when they were written with the
 * protocol's schema (FrameCodec's fast path) and re-encoding otherwise. Thread-safe.
 */
public final class EventFrames {

    private static final Logger LOG = LoggerFactory.getLogger(EventFrames.class);
    private static final String SUBJECT = Topics.SCENE_EVENTS.name() + "-value";

    private final FrameCodec codec;
    private final SchemaRegistryClient registry;
    private static final long LOOKUP_PAUSE_NANOS = 30_000_000_000L;

    private volatile int protocolSchemaId = -1;
    private volatile long nextLookupNanos = System.nanoTime();

    /**
     * @param codec    the codec whose frame limit applies to events too
     * @param registry where the writer schemas of other ids are found
     */
    public EventFrames(FrameCodec codec, SchemaRegistryClient registry) {
        this.codec = codec;
        this.registry = registry;
    }

    /**
     * The event frame of a record value, and its header.
     *
     * @throws io.scenelog.schemas.livelink.FrameException when the value is no event or too large for a frame
     * @throws MalformedEventException when the frame holds no readable header
     * @throws SchemaRegistryException when the writer schema cannot be fetched (retry later)
     */
    public EventEntry entry(long offset, byte[] value) {
        byte[] frame = codec.eventFrameFromConfluentBytes(value, protocolSchemaId(), registry::schemaById);
        return new EventEntry(offset, EventHeader.read(frame, 1), frame);
    }

    /** The codec. */
    public FrameCodec codec() {
        return codec;
    }

    /**
     * The registry id of the protocol's event schema, looked up until found; -1 until then, which only costs the
     * codec one registry call per writer schema id (it remembers ids of the same schema).
     */
    private int protocolSchemaId() {
        int id = protocolSchemaId;
        long now = System.nanoTime();
        if (id < 0 && now - nextLookupNanos >= 0) {
            // At most one lookup per pause: the feed's thread must not wait on a registry that is away.
            nextLookupNanos = now + LOOKUP_PAUSE_NANOS;
            try {
                id = registry.idOf(SUBJECT, Channel.EVENT.payloadSchema());
                protocolSchemaId = id;
            } catch (SchemaRegistryException e) {
                LOG.debug("The protocol's event schema is not registered under {} yet: {}", SUBJECT, e.getMessage());
            }
        }
        return id;
    }
}
