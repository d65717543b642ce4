// The Livelink frame codec of the page: one binary WebSocket message is one frame, a channel byte followed by the
// plain Avro binary of that channel's payload (schemas/README.md, "Livelink protocol"). The payload schemas are the
// pinned protocol version 1 files, handed in by the caller: the bundle copies them from the schemas module at build
// time, the tests read them from the same folder, so no schema is ever written out by hand here.
//
// Values are shaped as avsc 5.7.9 shapes them without logical types (peers/node/livelink-golden.mjs; avro.js says
// why the page has its own codec): uuids are strings, timestamp-millis are numbers of milliseconds, enums are symbol
// strings, bytes are Uint8Arrays, ["null", T] unions are the value or null, and unions of several records are wrapped
// as {"<full record name>": value} (see branchOf and wrap).

import { AvroDecodeError, AvroEncodeError, compile } from './avro.js';

/** The protocol version this page speaks (and the only one: Hello sends 1 as both minimum and maximum). */
export const PROTOCOL_VERSION = 1;

/** Which side may send a channel. */
export const Direction = Object.freeze({
  CLIENT_TO_SERVER: 'CLIENT_TO_SERVER',
  SERVER_TO_CLIENT: 'SERVER_TO_CLIENT',
  BOTH: 'BOTH',
});

const C2S = Direction.CLIENT_TO_SERVER;
const S2C = Direction.SERVER_TO_CLIENT;

// Permanent wire ids (schemas/README.md, the channel table): never renumbered. The golden frames' header lines
// name each frame's channel and payload record, and the tests check this table against them.
const CHANNELS = [
  [1, 'hello', 'io.scenelog.livelink.Hello', C2S],
  [2, 'welcome', 'io.scenelog.livelink.Welcome', S2C],
  [3, 'refusal', 'io.scenelog.livelink.Refusal', S2C],
  [4, 'configure', 'io.scenelog.livelink.Configure', C2S],
  [5, 'video', 'io.scenelog.livelink.VideoFrame', S2C],
  [6, 'input', 'io.scenelog.livelink.Input', C2S],
  [7, 'action', 'io.scenelog.model.SceneAction', C2S],
  [8, 'event', 'io.scenelog.model.SceneEvent', S2C],
  [9, 'action-result', 'io.scenelog.model.ActionResult', S2C],
  [10, 'presence', 'io.scenelog.livelink.Presence', S2C],
  [11, 'control', 'io.scenelog.livelink.Control', Direction.BOTH],
  [12, 'query', 'io.scenelog.livelink.Query', C2S],
  [13, 'query-result', 'io.scenelog.livelink.QueryResult', S2C],
  [14, 'heartbeat', 'io.scenelog.livelink.Heartbeat', Direction.BOTH],
].map(([id, name, record, direction]) => Object.freeze({ id, name, record, direction }));

/** The channels by name, e.g. Channel.EVENT.id === 8. */
export const Channel = Object.freeze(Object.fromEntries(
  CHANNELS.map((channel) => [channel.name.toUpperCase().replace('-', '_'), channel])));

const BY_ID = new Map(CHANNELS.map((channel) => [channel.id, channel]));

/**
 * Hello and Refusal are read before a version is agreed; they only grow by fields appended at their end, so a reader
 * ignores bytes after the fields it knows. Every other payload must end exactly where its record ends.
 */
const TRAILING_BYTES_ALLOWED = new Set([Channel.HELLO.id, Channel.REFUSAL.id]);

/** Why a frame could not be encoded or decoded; `reason` is one of FrameException's reasons in the Java codec. */
export class FrameError extends Error {
  constructor(reason, message, options) {
    super(`${reason}: ${message}`, options);
    this.name = 'FrameError';
    this.reason = reason;
  }
}

/** The channel with this id, or undefined. */
export function channelById(id) {
  return BY_ID.get(id);
}

/**
 * Encodes and decodes Livelink frames with the pinned schemas of one protocol version.
 */
export class LivelinkCodec {
  /**
   * @param {Object<string, object>} schemas the pinned payload schemas by full record name (the v1 folder's files)
   * @param {{maxFrameBytes?: number, maxInboundFrameBytes?: number}} [options] the largest frame this side may send
   *   (the bridge's Welcome.limits.maxFrameBytes once known) and the largest it reads (video key frames may be
   *   bigger than anything a client sends)
   */
  constructor(schemas, { maxFrameBytes = 256 * 1024, maxInboundFrameBytes = 16 * 1024 * 1024 } = {}) {
    this.maxFrameBytes = maxFrameBytes;
    this.maxInboundFrameBytes = maxInboundFrameBytes;
    this.types = new Map();
    for (const channel of CHANNELS) {
      const schema = schemas[channel.record];
      if (schema === undefined) {
        throw new Error(`the pinned schemas lack ${channel.record} (channel ${channel.name})`);
      }
      this.types.set(channel.id, compile(schema));
    }
  }

  /** A codec with the same schemas and another limit for the frames this side sends. */
  withMaxFrameBytes(maxFrameBytes) {
    const copy = Object.create(LivelinkCodec.prototype);
    Object.assign(copy, this, { maxFrameBytes });
    return copy;
  }

  /**
   * One frame: the channel byte and the payload's Avro binary.
   *
   * @param {{id: number, name: string}} channel a Channel entry
   * @param {object} payload the record, shaped as avsc expects (see the file comment)
   * @returns {Uint8Array}
   */
  encode(channel, payload) {
    const type = this.types.get(channel.id);
    if (type === undefined) {
      throw new FrameError('UNKNOWN_CHANNEL', `no channel has id ${channel.id}`);
    }
    let body;
    try {
      body = type.encode(payload);
    } catch (error) {
      if (error instanceof AvroEncodeError) {
        throw new FrameError('UNENCODABLE', `${channel.name} payload does not fit ${channel.record} at `
          + error.message, { cause: error });
      }
      throw error;
    }
    if (body.length + 1 > this.maxFrameBytes) {
      throw new FrameError('TOO_LARGE', `${channel.name} frame of ${body.length + 1} bytes is over the limit of `
        + `${this.maxFrameBytes}`);
    }
    const frame = new Uint8Array(body.length + 1);
    frame[0] = channel.id;
    frame.set(body, 1);
    return frame;
  }

  /**
   * Reads one received frame.
   *
   * @param {ArrayBuffer|Uint8Array} data the WebSocket message
   * @param {string} [direction] the direction it travelled; a channel of the other direction is refused
   * @returns {{channel: object, payload: object}}
   */
  decode(data, direction = Direction.SERVER_TO_CLIENT) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0) {
      throw new FrameError('EMPTY', 'a frame needs at least its channel byte');
    }
    if (bytes.length > this.maxInboundFrameBytes) {
      throw new FrameError('TOO_LARGE', `frame of ${bytes.length} bytes is over the limit of `
        + `${this.maxInboundFrameBytes}`);
    }
    const channel = BY_ID.get(bytes[0]);
    if (channel === undefined) {
      throw new FrameError('UNKNOWN_CHANNEL', `no channel has id ${bytes[0]}`);
    }
    if (channel.direction !== Direction.BOTH && channel.direction !== direction) {
      throw new FrameError('WRONG_DIRECTION', `channel ${channel.name} is ${channel.direction}, not ${direction}`);
    }
    let decoded;
    try {
      decoded = this.types.get(channel.id).decode(bytes, 1);
    } catch (error) {
      if (error instanceof AvroDecodeError) {
        throw new FrameError('MALFORMED_PAYLOAD', `${channel.name} payload of ${bytes.length - 1} bytes is not a `
          + `${channel.record}: ${error.message}`, { cause: error });
      }
      throw error;
    }
    if (decoded.offset !== bytes.length && !TRAILING_BYTES_ALLOWED.has(channel.id)) {
      throw new FrameError('MALFORMED_PAYLOAD', `${channel.name} payload has ${bytes.length - decoded.offset} bytes `
        + 'left over after its record');
    }
    return { channel, payload: decoded.value };
  }
}

/**
 * The branch of a union of records as avsc decodes it: {type: 'Disconnect', value: {...}} for
 * {"io.scenelog.livelink.Disconnect": {...}}.
 */
export function branchOf(union) {
  const [fullName] = Object.keys(union);
  return { type: fullName.slice(fullName.lastIndexOf('.') + 1), value: union[fullName] };
}

/** A union branch for avsc to encode: wrap('io.scenelog.livelink', 'Hello', {...}). */
export function wrap(namespace, record, value) {
  return { [`${namespace}.${record}`]: value };
}
