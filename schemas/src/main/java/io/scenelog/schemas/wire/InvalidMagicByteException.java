package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record does not start with the Confluent wire format's magic byte 0: it was written by another
 * serializer (plain JSON, a string) or is not Avro at all.
 */
public class InvalidMagicByteException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final byte found;

  /** Creates the exception for a record of {@code topic} that starts with {@code found}. */
  public InvalidMagicByteException(String topic, byte found) {
    super(String.format(
        "Record of topic %s starts with byte 0x%02x, not the magic byte 0x00 of the Confluent wire"
            + " format: it was not written by a schema-registry Avro serializer",
        topic, found & 0xff));
    this.found = found;
  }

  /** The first byte of the record. */
  public byte found() {
    return found;
  }
}
