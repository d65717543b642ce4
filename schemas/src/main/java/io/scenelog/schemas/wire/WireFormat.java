package io.scenelog.schemas.wire;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format of a Kafka record value or key: the magic byte {@code 0}, the schema
 * id as a 4-byte big-endian integer, then the Avro binary encoding of the datum with that schema.
 * A null record (a tombstone) has no bytes at all.
 */
public final class WireFormat {

  /** The first byte of every record. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Magic byte plus schema id. */
  public static final int HEADER_SIZE = 1 + Integer.BYTES;

  private WireFormat() {}

  /** The 5-byte header for {@code schemaId}. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /**
   * Reads the schema id from a record's header.
   *
   * @param topic the record's topic, for the message of a failure
   * @throws TruncatedRecordException when {@code record} is shorter than the header
   * @throws InvalidMagicByteException when it does not start with {@link #MAGIC_BYTE}
   */
  public static int schemaId(String topic, byte[] record) {
    if (record.length < HEADER_SIZE) {
      throw new TruncatedRecordException(topic, record.length);
    }
    if (record[0] != MAGIC_BYTE) {
      throw new InvalidMagicByteException(topic, record[0]);
    }
    return ByteBuffer.wrap(record, 1, Integer.BYTES).getInt();
  }
}
