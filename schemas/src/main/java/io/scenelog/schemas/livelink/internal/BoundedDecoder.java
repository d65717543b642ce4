package io.scenelog.schemas.livelink.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over one frame's bytes that never trusts a length: every string, bytes and
 * fixed length and every array or map block count must fit in the bytes that remain, so a hostile
 * frame cannot make the reader allocate more than the frame's size (Avro's own binary decoder
 * checks lengths only against global limits set by system properties, not against the bytes at
 * hand). Reading past the end throws {@link EOFException}; a malformed number or a length out of
 * bounds throws {@link MalformedDataException}.
 *
 * <p>Block counts are bounded by the remaining bytes, which assumes that array and map items take
 * at least one byte each: true of every Livelink schema (checked by {@code LivelinkSchemasTest}).
 *
 * <p>Not thread-safe: one per thread, {@linkplain #reset reset} for each frame.
 */
public final class BoundedDecoder extends Decoder {

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  private ByteBuffer in = NOTHING;

  /** Reads {@code frame}'s bytes from its position to its limit, leaving {@code frame} untouched. */
  public BoundedDecoder reset(ByteBuffer frame) {
    this.in = frame.slice().order(ByteOrder.LITTLE_ENDIAN);
    return this;
  }

  /** Forgets the frame, so that a thread's decoder does not keep a large buffer reachable. */
  public void release() {
    this.in = NOTHING;
  }

  /** How many bytes are left after what was read. */
  @Override
  public int remainingBytes() {
    return in.remaining();
  }

  @Override
  public void readNull() {
    // null takes no bytes
  }

  @Override
  public boolean readBoolean() throws IOException {
    int b = next();
    if (b > 1) {
      throw new MalformedDataException("a boolean byte is 0 or 1, found " + b);
    }
    return b == 1;
  }

  @Override
  public int readInt() throws IOException {
    int raw = 0;
    for (int shift = 0; shift < 28; shift += 7) {
      int b = next();
      raw |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    int last = next();
    if (last > 0x0f) {
      throw new MalformedDataException("an int's variable-length encoding exceeds 32 bits");
    }
    raw |= last << 28;
    return (raw >>> 1) ^ -(raw & 1);
  }

  @Override
  public long readLong() throws IOException {
    long raw = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      long b = next();
      raw |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    long last = next();
    if (last > 0x01) {
      throw new MalformedDataException("a long's variable-length encoding exceeds 64 bits");
    }
    raw |= last << 63;
    return (raw >>> 1) ^ -(raw & 1);
  }

  @Override
  public float readFloat() throws IOException {
    require(Float.BYTES);
    return in.getFloat();
  }

  @Override
  public double readDouble() throws IOException {
    require(Double.BYTES);
    return in.getDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.get(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    int length = length("string");
    String value;
    if (in.hasArray()) {
      value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
    } else {
      byte[] bytes = new byte[length];
      in.get(bytes);
      value = new String(bytes, StandardCharsets.UTF_8);
    }
    return value;
  }

  @Override
  public void skipString() throws IOException {
    skip(length("string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
    result.clear();
    result.put(in.slice().limit(length));
    in.position(in.position() + length);
    result.flip();
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    skip(length("bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    require(length);
    in.get(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    skip(length);
  }

  @Override
  public int readEnum() throws IOException {
    return readInt();
  }

  @Override
  public long readArrayStart() throws IOException {
    return blockCount("array");
  }

  @Override
  public long arrayNext() throws IOException {
    return blockCount("array");
  }

  @Override
  public long skipArray() throws IOException {
    return skipBlocks("array");
  }

  @Override
  public long readMapStart() throws IOException {
    return blockCount("map");
  }

  @Override
  public long mapNext() throws IOException {
    return blockCount("map");
  }

  @Override
  public long skipMap() throws IOException {
    return skipBlocks("map");
  }

  @Override
  public int readIndex() throws IOException {
    return readInt();
  }

  private int next() throws EOFException {
    if (!in.hasRemaining()) {
      throw new EOFException("the frame ends inside the payload");
    }
    return in.get() & 0xff;
  }

  private void require(long length) throws EOFException {
    if (length > in.remaining()) {
      throw new EOFException("the frame ends inside the payload: " + length + " bytes needed, "
          + in.remaining() + " left");
    }
  }

  private void skip(int length) throws EOFException {
    require(length);
    in.position(in.position() + length);
  }

  /** A string or bytes length, checked against the bytes that remain. */
  private int length(String what) throws IOException {
    long length = readLong();
    if (length < 0 || length > in.remaining()) {
      throw new MalformedDataException("a " + what + " of " + length + " bytes in a frame with "
          + in.remaining() + " bytes left");
    }
    return (int) length;
  }

  /**
   * The item count of the next block of an array or map, checked against the bytes that remain.
   * A negative count is followed by the block's size in bytes (Avro's skippable blocks).
   */
  private long blockCount(String what) throws IOException {
    long count = readLong();
    if (count < 0) {
      if (count == Long.MIN_VALUE) {
        throw new MalformedDataException("an " + what + " block count of " + count);
      }
      count = -count;
      long size = readLong();
      if (size < 0 || size > in.remaining()) {
        throw new MalformedDataException("an " + what + " block of " + size + " bytes in a frame with "
            + in.remaining() + " bytes left");
      }
    }
    if (count > in.remaining()) {
      throw new MalformedDataException("an " + what + " block of " + count + " items in a frame with "
          + in.remaining() + " bytes left");
    }
    return count;
  }

  /** Skips blocks whose size is known; returns the item count of the first block that has none. */
  private long skipBlocks(String what) throws IOException {
    while (true) {
      long count = readLong();
      if (count >= 0) {
        if (count > in.remaining()) {
          throw new MalformedDataException("an " + what + " block of " + count + " items in a frame with "
              + in.remaining() + " bytes left");
        }
        return count;
      }
      long size = readLong();
      if (size < 0 || size > in.remaining()) {
        throw new MalformedDataException("an " + what + " block of " + size + " bytes in a frame with "
            + in.remaining() + " bytes left");
      }
      skip((int) size);
    }
  }
}
