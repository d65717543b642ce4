package io.scenelog.schemas.livelink;

import io.scenelog.livelink.Configure;
import io.scenelog.livelink.Control;
import io.scenelog.livelink.Heartbeat;
import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Input;
import io.scenelog.livelink.Presence;
import io.scenelog.livelink.Query;
import io.scenelog.livelink.QueryResult;
import io.scenelog.livelink.Refusal;
import io.scenelog.livelink.VideoFrame;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.ActionResult;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Livelink channels (DESIGN §7). A Livelink frame is one WebSocket binary message: the
 * channel's id in one byte, then the Avro binary encoding of the channel's payload record.
 *
 * <p>The ids are permanent wire numbers, pinned by {@code ChannelTest} and the golden frames: never
 * change or reuse one; a new kind of message gets a new channel with the next free id. Id 0 is never
 * assigned (a zeroed buffer is no frame) and 255 is reserved for a future escape to longer ids. The
 * {@linkplain #channelName() names} are for people, documents and file names, never for the wire.
 */
public enum Channel {
  /** Client's first frame: token, protocol versions, capabilities, resume point. */
  HELLO(1, "hello", Direction.CLIENT_TO_SERVER, Hello.class),
  /** The bridge accepted the Hello: session, role, start version, heartbeat, limits. */
  WELCOME(2, "welcome", Direction.SERVER_TO_CLIENT, Welcome.class),
  /** The bridge refused the connection and closes it. */
  REFUSAL(3, "refusal", Direction.SERVER_TO_CLIENT, Refusal.class),
  /** What the client wants rendered: viewport, frame rate, codecs. */
  CONFIGURE(4, "configure", Direction.CLIENT_TO_SERVER, Configure.class),
  /** One encoded video frame with its metadata. */
  VIDEO(5, "video", Direction.SERVER_TO_CLIENT, VideoFrame.class),
  /** Pointer, keyboard, wheel and camera input, batched. */
  INPUT(6, "input", Direction.CLIENT_TO_SERVER, Input.class),
  /** An action to commit: the same record as the scene-actions topic. */
  ACTION(7, "action", Direction.CLIENT_TO_SERVER, SceneAction.class),
  /** A committed event: the same record (and bytes) as the scene-events topic. */
  EVENT(8, "event", Direction.SERVER_TO_CLIENT, SceneEvent.class),
  /** The outcome of one of the client's actions: the same record as the action-results topic. */
  ACTION_RESULT(9, "action-result", Direction.SERVER_TO_CLIENT, ActionResult.class),
  /** Clients joining and leaving the session, and their cameras. */
  PRESENCE(10, "presence", Direction.SERVER_TO_CLIENT, Presence.class),
  /** Connection and video commands: disconnect reasons, key-frame requests, video status. */
  CONTROL(11, "control", Direction.BOTH, Control.class),
  /** A question about the scene's state (or a pick), from the client. */
  QUERY(12, "query", Direction.CLIENT_TO_SERVER, Query.class),
  /** The answer to a query, in parts. */
  QUERY_RESULT(13, "query-result", Direction.SERVER_TO_CLIENT, QueryResult.class),
  /** Ping and pong, both ways: liveness and latency. */
  HEARTBEAT(14, "heartbeat", Direction.BOTH, Heartbeat.class);

  private static final Channel[] BY_ID = index();

  private final int id;
  private final String channelName;
  private final Direction direction;
  private final Class<? extends SpecificRecord> payloadClass;

  Channel(int id, String channelName, Direction direction, Class<? extends SpecificRecord> payloadClass) {
    this.id = id;
    this.channelName = channelName;
    this.direction = direction;
    this.payloadClass = payloadClass;
  }

  /** The permanent wire id, the first byte of every frame of this channel (1 to 254). */
  public int id() {
    return id;
  }

  /** The channel's name in documents (the AsyncAPI channel, the golden file), e.g. {@code action-result}. */
  public String channelName() {
    return channelName;
  }

  /** Who sends on this channel. */
  public Direction direction() {
    return direction;
  }

  /** The generated class of the payload record. */
  public Class<? extends SpecificRecord> payloadClass() {
    return payloadClass;
  }

  /** The schema of the payload record in this build (protocol version {@link LivelinkSchemas#PROTOCOL_VERSION}). */
  public Schema payloadSchema() {
    return SpecificData.get().getSchema(payloadClass);
  }

  /**
   * Whether the payload is a handshake record (Hello, Refusal), read before a protocol version is
   * agreed: such records only grow by fields appended at their end, and readers ignore the bytes
   * after the fields they know.
   */
  public boolean isHandshake() {
    return this == HELLO || this == REFUSAL;
  }

  /** The channel with wire id {@code id}, if any. */
  public static Optional<Channel> byId(int id) {
    return Optional.ofNullable(fromWire(id));
  }

  /** The channel with wire id {@code id}, or null: the codec's allocation-free lookup. */
  static Channel fromWire(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }

  /**
   * The channel whose payload is {@code payloadClass}.
   *
   * @throws IllegalArgumentException when no channel carries that class
   */
  public static Channel forPayload(Class<?> payloadClass) {
    for (Channel channel : values()) {
      if (channel.payloadClass == payloadClass) {
        return channel;
      }
    }
    throw new IllegalArgumentException("No Livelink channel carries " + payloadClass.getName());
  }

  private static Channel[] index() {
    Channel[] byId = new Channel[256];
    for (Channel channel : values()) {
      if (channel.id < 1 || channel.id > 254 || byId[channel.id] != null) {
        throw new IllegalStateException("Livelink channel id " + channel.id + " of " + channel
            + " is out of range or taken");
      }
      byId[channel.id] = channel;
    }
    return byId;
  }
}
