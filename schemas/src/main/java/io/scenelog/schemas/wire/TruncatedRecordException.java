package io.scenelog.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/** A record is shorter than the wire format's 5-byte header (magic byte and schema id). */
public class TruncatedRecordException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a record of {@code topic} that is {@code length} bytes long. */
  public TruncatedRecordException(String topic, int length) {
    super("Record of topic " + topic + " is " + length + " bytes long, shorter than the "
        + WireFormat.HEADER_SIZE + "-byte header of the Confluent wire format");
  }
}
