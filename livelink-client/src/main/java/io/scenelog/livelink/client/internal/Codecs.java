package io.scenelog.livelink.client.internal;

import io.scenelog.schemas.livelink.FrameCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The frame codecs of the process, one per inbound size limit: a codec builds its Avro readers and writers
 * for every channel once, and is thread-safe, so clients with the same limit share one.
 */
final class Codecs {

    private static final Map<Integer, FrameCodec> BY_LIMIT = new ConcurrentHashMap<>();

    private Codecs() {
    }

    /** The codec that decodes frames up to {@code maxFrameBytes} (and encodes frames up to that size). */
    static FrameCodec forLimit(int maxFrameBytes) {
        return BY_LIMIT.computeIfAbsent(maxFrameBytes, FrameCodec::new);
    }
}
