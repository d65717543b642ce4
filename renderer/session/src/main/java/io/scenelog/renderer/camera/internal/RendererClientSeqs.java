package io.scenelog.renderer.camera.internal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clientSeq numbers of the camera actions a renderer sends on its clients' behalf. The pipeline answers an action
 * whose (scene, session, client, clientSeq) it saw before as DUPLICATE, so these must never meet a number that the
 * client or the bridge uses for the same client:
 * <ul>
 *   <li>clients number their own actions from 0 up;</li>
 *   <li>the bridge's presence actions take random numbers in [-2^62, -1] (PresenceEntities in livelink-bridge);</li>
 *   <li>renderers count up from a random start in [-2^63, -2^63 + 2^61): the range [-2^63, -2^62) is theirs alone,
 *       and a restarted renderer of the same session starts elsewhere in it (a counter from a fixed start would
 *       repeat its predecessor's numbers, and the pipeline would drop the new poses as duplicates).</li>
 * </ul>
 * Counting from there, a renderer would need 2^61 actions to leave its range.
 */
public final class RendererClientSeqs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicLong next;

    public RendererClientSeqs() {
        this(RANDOM.nextLong() & ((1L << 61) - 1));
    }

    /** Starts at {@code Long.MIN_VALUE + offset}; for tests. */
    RendererClientSeqs(long offset) {
        if (offset < 0 || offset >= 1L << 61) {
            throw new IllegalArgumentException("offset must be in [0, 2^61), got " + offset);
        }
        this.next = new AtomicLong(Long.MIN_VALUE + offset);
    }

    /** The next number, below every number a client or a bridge uses. */
    public long next() {
        return next.getAndIncrement();
    }
}
