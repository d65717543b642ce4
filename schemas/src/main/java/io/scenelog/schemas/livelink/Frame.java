package io.scenelog.schemas.livelink;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Livelink frame: a channel and its payload record, which is always of the channel's {@link
 * Channel#payloadClass()}. {@link FrameCodec} turns frames into WebSocket binary messages and back.
 *
 * @param channel the channel
 * @param payload the payload record
 */
public record Frame(Channel channel, SpecificRecord payload) {

  /**
   * Checks that the payload belongs to the channel.
   *
   * @throws IllegalArgumentException when {@code payload} is not of the channel's payload class
   */
  public Frame {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(payload, "payload");
    if (payload.getClass() != channel.payloadClass()) {
      throw new IllegalArgumentException("Livelink channel " + channel.channelName() + " carries "
          + channel.payloadClass().getSimpleName() + ", not " + payload.getClass().getName());
    }
  }

  /** The frame of the channel that carries {@code payload}'s class. */
  public static Frame of(SpecificRecord payload) {
    Objects.requireNonNull(payload, "payload");
    return new Frame(Channel.forPayload(payload.getClass()), payload);
  }

  /**
   * The payload as {@code type}.
   *
   * @throws IllegalStateException when the payload is of another class (the frame is of another
   *     channel than the caller expected)
   */
  public <T extends SpecificRecord> T payload(Class<T> type) {
    if (!type.isInstance(payload)) {
      throw new IllegalStateException("Livelink frame on channel " + channel.channelName() + " carries "
          + payload.getClass().getSimpleName() + ", not " + type.getSimpleName());
    }
    return type.cast(payload);
  }
}
