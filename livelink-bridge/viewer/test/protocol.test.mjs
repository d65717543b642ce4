import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Channel, Direction, FrameError, LivelinkCodec, branchOf, channelById, wrap,
} from '../src/protocol.js';
import { goldenFrames, pinnedSchemas, plain } from './support.mjs';

const codec = new LivelinkCodec(pinnedSchemas);
const frames = await goldenFrames();

function decodeAnyDirection(bytes) {
  const channel = channelById(bytes[0]);
  const direction = channel.direction === Direction.BOTH ? Direction.SERVER_TO_CLIENT : channel.direction;
  return codec.decode(bytes, direction);
}

test('every golden frame names the channel id and payload record of the page\'s channel table', () => {
  for (const frame of frames) {
    const channel = channelById(frame.channelId);
    assert.ok(channel, `${frame.name}: the page has no channel ${frame.channelId}`);
    assert.equal(channel.name, frame.channelName, frame.name);
    assert.equal(channel.record, frame.record, frame.name);
    assert.equal(frame.bytes[0], frame.channelId, frame.name);
  }
});

test('golden frames cover all fourteen channels', () => {
  assert.deepEqual([...new Set(frames.map((frame) => frame.channelId))].sort((a, b) => a - b),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
});

test('every golden frame decodes and encodes again to the same bytes', () => {
  for (const frame of frames) {
    const decoded = decodeAnyDirection(frame.bytes);
    assert.equal(decoded.channel.id, frame.channelId, frame.name);
    const again = codec.encode(decoded.channel, decoded.payload);
    assert.deepEqual(Buffer.from(again).toString('hex'), Buffer.from(frame.bytes).toString('hex'), frame.name);
  }
});

test('the golden heartbeat decodes to the sample values', () => {
  const heartbeat = frames.find((frame) => frame.name === 'heartbeat.hex');
  const { payload } = codec.decode(heartbeat.bytes);
  assert.deepEqual(plain(payload), {
    kind: 'PING', sequence: 3, pingSentMicros: 123456789, sentAt: 1763000000123, sceneVersion: 42,
  });
});

test('the golden action decodes with its operations as wrapped union branches', () => {
  const action = frames.find((frame) => frame.name === 'action.hex');
  const { payload } = codec.decode(action.bytes, Direction.CLIENT_TO_SERVER);
  const first = branchOf(payload.operations[0]);
  assert.equal(first.type, 'CreateEntity');
  assert.equal(first.value.components.name, 'crate');
  assert.equal(payload.token, '');
  assert.equal(typeof payload.sentAt, 'number'); // timestamp-millis as avsc reads it without logical types
  assert.match(payload.actionId, /^[0-9a-f-]{36}$/); // uuid as a string
});

test('a heartbeat built by hand encodes to the golden bytes', () => {
  const heartbeat = frames.find((frame) => frame.name === 'heartbeat.hex');
  const bytes = codec.encode(Channel.HEARTBEAT, {
    kind: 'PING', sequence: 3, pingSentMicros: 123456789, sentAt: 1763000000123, sceneVersion: 42,
  });
  assert.deepEqual([...bytes], [...heartbeat.bytes]);
});

test('a control command is written as a wrapped branch', () => {
  const golden = frames.find((frame) => frame.name === 'control-request-key-frame.hex');
  const bytes = codec.encode(Channel.CONTROL, {
    command: wrap('io.scenelog.livelink', 'RequestKeyFrame', { lastFrameNumber: 119 }),
  });
  assert.deepEqual([...bytes], [...golden.bytes]);
});

test('an empty frame is refused as EMPTY', () => {
  assert.throws(() => codec.decode(new Uint8Array(0)), (error) => error instanceof FrameError
    && error.reason === 'EMPTY');
});

test('an unknown channel byte is refused as UNKNOWN_CHANNEL', () => {
  for (const id of [0, 15, 255]) {
    assert.throws(() => codec.decode(Uint8Array.of(id, 0)), (error) => error.reason === 'UNKNOWN_CHANNEL');
  }
});

test('a client-to-bridge channel received by the page is refused as WRONG_DIRECTION', () => {
  const hello = frames.find((frame) => frame.name === 'hello.hex');
  assert.throws(() => codec.decode(hello.bytes), (error) => error.reason === 'WRONG_DIRECTION');
});

test('every truncation of every golden frame is refused as MALFORMED_PAYLOAD, never read as something', () => {
  for (const frame of frames) {
    for (let length = 1; length < frame.bytes.length; length++) {
      const cut = frame.bytes.subarray(0, length);
      assert.throws(() => decodeAnyDirection(cut), (error) => error instanceof FrameError
        && error.reason === 'MALFORMED_PAYLOAD', `${frame.name} cut to ${length} bytes`);
    }
  }
});

test('bytes after the record are refused, except on hello and refusal', () => {
  for (const frame of frames) {
    const longer = Uint8Array.from([...frame.bytes, 0x00, 0x07]);
    const channel = channelById(frame.channelId);
    if (channel.name === 'hello' || channel.name === 'refusal') {
      assert.deepEqual(plain(decodeAnyDirection(longer).payload), plain(decodeAnyDirection(frame.bytes).payload),
        frame.name);
    } else {
      assert.throws(() => decodeAnyDirection(longer), (error) => error.reason === 'MALFORMED_PAYLOAD', frame.name);
    }
  }
});

test('a bad enum index is refused as MALFORMED_PAYLOAD', () => {
  // heartbeat: kind is the first field; index 9 (zig-zag 18) is no HeartbeatKind
  const heartbeat = frames.find((frame) => frame.name === 'heartbeat.hex');
  const bad = Uint8Array.from(heartbeat.bytes);
  bad[1] = 18;
  assert.throws(() => codec.decode(bad), (error) => error.reason === 'MALFORMED_PAYLOAD');
});

test('a payload that does not fit its schema is refused as UNENCODABLE, naming the field', () => {
  assert.throws(() => codec.encode(Channel.HEARTBEAT, { kind: 'PING', sequence: 'three', pingSentMicros: 1,
    sentAt: 1, sceneVersion: null }), (error) => error.reason === 'UNENCODABLE' && /sequence/.test(error.message));
});

test('a frame over the sending limit is refused as TOO_LARGE', () => {
  const small = codec.withMaxFrameBytes(32);
  const action = {
    kind: 'PING', sequence: 1, pingSentMicros: 1, sentAt: 1, sceneVersion: null,
  };
  assert.ok(small.encode(Channel.HEARTBEAT, action).length <= 32);
  assert.throws(() => small.encode(Channel.CONFIGURE, { video: { width: 1, height: 1, maxFramesPerSecond: 1,
    codecs: ['avc1.42E01F', 'vp8', 'vp09.00.10.08', 'av01.0.04M.08'], maxBitrateKbps: null } }),
  (error) => error.reason === 'TOO_LARGE');
});

test('a received frame over the reading limit is refused before it is read', () => {
  const strict = new LivelinkCodec(pinnedSchemas, { maxInboundFrameBytes: 8 });
  const video = frames.find((frame) => frame.name === 'video.hex');
  assert.throws(() => strict.decode(video.bytes), (error) => error.reason === 'TOO_LARGE');
});

test('a codec without a channel\'s pinned schema cannot be made', () => {
  const partial = { ...pinnedSchemas };
  delete partial['io.scenelog.livelink.Heartbeat'];
  assert.throws(() => new LivelinkCodec(partial), /io\.scenelog\.livelink\.Heartbeat/);
});
