package io.scenelog.bridge.internal.feed;

import io.scenelog.model.SceneEvent;
import io.scenelog.schemas.livelink.FrameCodec;
import java.util.Objects;

/**
 * One committed event as the bridge holds it: where it sits in the log, its routing header, and its event frame,
 * one byte array shared by every connection it goes to. The full record is decoded only when someone needs it
 * (presence), and then once.
 */
public final class EventEntry {

    private final long offset;
    private final EventHeader header;
    private final byte[] frame;
    private volatile SceneEvent decoded;

    /**
     * @param offset the record's offset in its {@code scene-events} partition
     * @param header the routing fields
     * @param frame  the event frame (channel byte, then the event's Avro bytes); never modified
     */
    public EventEntry(long offset, EventHeader header, byte[] frame) {
        this.offset = offset;
        this.header = Objects.requireNonNull(header, "header");
        this.frame = Objects.requireNonNull(frame, "frame");
    }

    /** The record's offset in its partition. */
    public long offset() {
        return offset;
    }

    /** The routing fields. */
    public EventHeader header() {
        return header;
    }

    /** The scene version this event creates. */
    public long version() {
        return header.version();
    }

    /** The event frame, shared: never modify it. */
    public byte[] frame() {
        return frame;
    }

    /** The decoded event, decoded on first use. */
    public SceneEvent event(FrameCodec codec) {
        SceneEvent event = decoded;
        if (event == null) {
            event = codec.decode(frame).payload(SceneEvent.class);
            decoded = event;
        }
        return event;
    }
}
