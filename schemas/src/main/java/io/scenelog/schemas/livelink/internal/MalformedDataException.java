package io.scenelog.schemas.livelink.internal;

import java.io.IOException;

/** Bytes that no Avro writer produces: an overlong number or a length beyond the frame's end. */
public final class MalformedDataException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The finding, naming the value and what was left. */
  public MalformedDataException(String message) {
    super(message);
  }
}
