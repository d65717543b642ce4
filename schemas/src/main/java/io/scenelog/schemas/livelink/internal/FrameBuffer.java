package io.scenelog.schemas.livelink.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for encoding frames on one thread: unlike {@code ByteArrayOutputStream} it
 * takes no lock per byte, it stops at a size limit instead of growing without bound, and it gives
 * memory back after an unusually large frame.
 */
public final class FrameBuffer extends OutputStream {

  private final int retainedCapacity;
  private byte[] bytes;
  private int size;
  private int limit;

  /** A buffer that keeps at most {@code retainedCapacity} bytes between frames. */
  public FrameBuffer(int retainedCapacity) {
    this.retainedCapacity = retainedCapacity;
    this.bytes = new byte[Math.min(retainedCapacity, 1024)];
  }

  /**
   * Empties the buffer for a frame of at most {@code limit} bytes, dropping a large array so that
   * one big frame does not pin its memory.
   */
  public void reset(int limit) {
    this.size = 0;
    this.limit = limit;
    if (bytes.length > retainedCapacity) {
      bytes = new byte[retainedCapacity];
    }
  }

  /** How many bytes were written since the last {@link #reset}. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written since the last {@link #reset}. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > limit) {
      throw new LimitExceededException(needed, limit);
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(needed, bytes.length * 2L)));
    }
  }

  /** The frame being written is longer than the buffer's limit; the buffer holds a part of it. */
  public static final class LimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LimitExceededException(long needed, int limit) {
      super("at least " + needed + " bytes, more than the limit of " + limit);
    }
  }
}
