package io.scenelog.schemas.livelink;

import io.scenelog.livelink.DisconnectReason;

/**
 * A byte sequence is not a valid Livelink frame, or a frame cannot become one. Not retryable: the
 * same bytes fail again. Programs match on {@link #reason()}; the message names the channel, sizes
 * and Avro's finding for people. A bridge answers a refused first frame with a Refusal
 * PROTOCOL_ERROR, and a refused later frame with the Disconnect of {@link
 * Reason#disconnectReason()}.
 */
public final class FrameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a frame was refused; stable names for programs, logs and metrics. */
  public enum Reason {
    /** The message has no bytes at all: not even a channel id. */
    EMPTY,
    /** The first byte is no channel id of this protocol version. */
    UNKNOWN_CHANNEL,
    /**
     * The payload does not decode as the channel's record: truncated, a length or count beyond the
     * frame's end, an invalid union or enum index, or bytes left over (outside handshake channels).
     */
    MALFORMED_PAYLOAD,
    /** The frame is longer than the codec's maximum frame size (checked before decoding). */
    TOO_LARGE,
    /** The channel may not be used in the direction the frame travels (e.g. a client sent an event). */
    WRONG_DIRECTION,
    /** A payload record cannot be encoded with its schema (e.g. null in a required field). */
    UNENCODABLE;

    /** What a bridge tells a client after the client sent a frame refused for this reason. */
    public DisconnectReason disconnectReason() {
      return this == TOO_LARGE ? DisconnectReason.MESSAGE_TOO_LARGE : DisconnectReason.PROTOCOL_ERROR;
    }
  }

  private final Reason reason;
  private final Channel channel;

  /**
   * A refusal of a frame.
   *
   * @param reason why
   * @param channel the frame's channel, or null when it is not known (EMPTY, UNKNOWN_CHANNEL)
   * @param message the detail, naming the channel, the sizes and the finding
   * @param cause Avro's exception, or null
   */
  public FrameException(Reason reason, Channel channel, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
    this.channel = channel;
  }

  /** Why the frame was refused. */
  public Reason reason() {
    return reason;
  }

  /** The frame's channel, or null when the frame named none that exists. */
  public Channel channel() {
    return channel;
  }
}
