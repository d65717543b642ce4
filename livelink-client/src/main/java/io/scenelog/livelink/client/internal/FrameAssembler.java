package io.scenelog.livelink.client.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins the parts of one WebSocket binary message into one Livelink frame. The JDK WebSocket hands a
 * message over in parts ({@code last == false} until its final part) and may reuse a part's buffer once
 * the listener returns, so every part is copied here. A message longer than the limit is refused as soon
 * as it grows past it, so a hostile server cannot make the client buffer more than the limit.
 *
 * <p>Not thread-safe: one assembler per connection, fed by the WebSocket's sequential listener calls.
 */
public final class FrameAssembler {

    private final int maxFrameBytes;
    private byte[] buffer = new byte[0];
    private int size;

    /**
     * An assembler of frames of at most {@code maxFrameBytes}.
     *
     * @throws IllegalArgumentException when {@code maxFrameBytes} is less than 1
     */
    public FrameAssembler(int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Adds the next part of the current message.
     *
     * @param part the part's bytes from position to limit; consumed (its position moves to its limit)
     * @param last whether the part ends the message
     * @return the whole message when {@code last}, else null
     * @throws FrameTooLargeException when the message grows past the limit; the assembler is then empty
     */
    public ByteBuffer append(ByteBuffer part, boolean last) {
        int length = part.remaining();
        if ((long) size + length > maxFrameBytes) {
            long seen = (long) size + length;
            reset();
            throw new FrameTooLargeException("a Livelink message of at least " + seen
                    + " bytes exceeds the client's limit of " + maxFrameBytes + " bytes");
        }
        if (!last && size == 0 && length == 0) {
            return null;
        }
        if (last && size == 0) {
            // The usual case: a message in one part. Copy it, the WebSocket reuses its buffer.
            byte[] whole = new byte[length];
            part.get(whole);
            return ByteBuffer.wrap(whole);
        }
        ensureCapacity(size + length);
        part.get(buffer, size, length);
        size += length;
        if (!last) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(Arrays.copyOf(buffer, size));
        reset();
        return whole;
    }

    /** Bytes of an unfinished message held now; 0 between messages. */
    public int pendingBytes() {
        return size;
    }

    private void ensureCapacity(int needed) {
        if (buffer.length < needed) {
            int grown = (int) Math.min(maxFrameBytes, Math.max(needed, 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    private void reset() {
        // Keep no large buffer between messages: most frames arrive in one part.
        buffer = new byte[0];
        size = 0;
    }

    /** A message grew past the assembler's limit. */
    public static final class FrameTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FrameTooLargeException(String message) {
            super(message);
        }
    }
}
