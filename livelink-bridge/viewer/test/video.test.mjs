// The video parts of the page without a browser: the decoder's state machine with a fake VideoDecoder, the video
// size asked for, input batching and gestures, and what picks select and drags move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_FRAME_RETRY_MILLIS, StreamState, VideoStream } from '../src/video/stream.js';
import { MAX_VIDEO_HEIGHT, MAX_VIDEO_WIDTH, videoSettings, videoSize } from '../src/video/settings.js';
import { CLICK_SLOP, GestureBatcher, PointerGestures } from '../src/video/gestures.js';
import { draggedPosition, ownCamera, pickedEntity, rotate } from '../src/video/picking.js';

/** A VideoDecoder that records what it is asked and paints every chunk at once (or fails when told). */
class FakeDecoder {
  constructor(init, log) {
    this.init = init;
    this.log = log;
    this.state = 'unconfigured';
    this.failNext = false;
    log.decoders.push(this);
  }

  configure(config) {
    this.config = config;
    this.state = 'configured';
  }

  decode(chunk) {
    if (this.state !== 'configured') {
      throw new Error(`decode while ${this.state}`);
    }
    if (this.failNext) {
      this.failNext = false;
      this.init.error(new Error('corrupt data'));
      return;
    }
    this.log.chunks.push(chunk);
    this.init.output({ chunk, close: () => {} });
  }

  close() {
    this.state = 'closed';
  }
}

function harness() {
  const log = { decoders: [], chunks: [], keyRequests: [], painted: 0 };
  let clock = 0;
  const stream = new VideoStream({
    createDecoder: (init) => new FakeDecoder(init, log),
    createChunk: (chunk) => chunk,
    requestKeyFrame: (last) => log.keyRequests.push(last),
    paint: () => { log.painted += 1; },
    now: () => clock,
    wallNow: () => 10_000 + clock,
  });
  return { stream, log, advance: (millis) => { clock += millis; } };
}

const frame = (frameNumber, keyFrame, extra = {}) => ({ frameNumber, keyFrame, codec: 'vp8', width: 320, height: 180,
  timestampMicros: frameNumber * 33_333, capturedAt: 9_990, data: new Uint8Array(100), ...extra });

test('a stream opens its decoder from the first key frame, configured for latency', () => {
  const { stream, log } = harness();
  assert.equal(stream.frame(frame(1, true)), 'decoded');
  assert.equal(stream.frame(frame(2, false)), 'decoded');
  assert.equal(log.decoders.length, 1);
  assert.deepEqual(log.decoders[0].config, { codec: 'vp8', codedWidth: 320, codedHeight: 180,
    optimizeForLatency: true, hardwareAcceleration: 'no-preference' });
  assert.deepEqual(log.chunks.map((chunk) => chunk.type), ['key', 'delta']);
  assert.equal(log.painted, 2);
  assert.deepEqual(log.keyRequests, []);
});

test('frames before the first key frame are dropped and a key frame is asked for once', () => {
  const { stream, log } = harness();
  assert.equal(stream.frame(frame(5, false)), 'dropped');
  assert.equal(stream.frame(frame(6, false)), 'dropped');
  assert.deepEqual(log.keyRequests, [5]);
  assert.equal(stream.frame(frame(7, true)), 'decoded');
  assert.equal(stream.state, StreamState.DECODING);
});

test('a frame-number gap asks for a key frame and drops until one arrives', () => {
  const { stream, log } = harness();
  stream.frame(frame(1, true));
  stream.frame(frame(2, false));
  assert.equal(stream.frame(frame(5, false)), 'dropped'); // 3 and 4 were lost on the way
  assert.equal(stream.frame(frame(6, false)), 'dropped');
  assert.deepEqual(log.keyRequests, [5]);
  assert.equal(stream.frame(frame(7, true)), 'decoded');
  assert.equal(stream.frame(frame(8, false)), 'decoded');
  assert.equal(log.chunks.length, 4);
});

test('a key frame that does not come is asked for again after a while', () => {
  const { stream, log, advance } = harness();
  stream.frame(frame(1, false));
  advance(KEY_FRAME_RETRY_MILLIS - 1);
  stream.frame(frame(2, false));
  advance(1);
  stream.frame(frame(3, false));
  assert.deepEqual(log.keyRequests, [1, 3]);
});

test('a decoder error closes the decoder, asks for a key frame and starts again from it', () => {
  const { stream, log } = harness();
  stream.frame(frame(1, true));
  log.decoders[0].failNext = true;
  stream.frame(frame(2, false));
  assert.equal(log.decoders[0].state, 'closed');
  assert.equal(stream.frame(frame(3, false)), 'dropped');
  assert.deepEqual(log.keyRequests, [2]);
  assert.equal(stream.frame(frame(4, true)), 'decoded');
  assert.equal(log.decoders.length, 2);
});

test('a key frame of another size or codec reopens the decoder', () => {
  const { stream, log } = harness();
  stream.frame(frame(1, true));
  stream.frame(frame(2, true, { width: 640, height: 360 }));
  stream.frame(frame(3, true, { width: 640, height: 360, codec: 'avc1.42E01F' }));
  assert.equal(log.decoders.length, 3);
  assert.deepEqual(log.decoders.map((decoder) => decoder.state), ['closed', 'closed', 'configured']);
  assert.equal(log.decoders[2].config.codec, 'avc1.42E01F');
});

test('the overlay figures count the last second: painted frames, bits and latency with the clock offset', () => {
  const { stream, advance } = harness();
  stream.setClockOffset(5);
  for (let i = 1; i <= 10; i++) {
    stream.frame(frame(i, i === 1));
    advance(100);
  }
  const figures = stream.stats.figures();
  assert.equal(figures.fps, 9); // the first was painted more than a second ago
  assert.equal(figures.kbps, Math.round((9 * 100 * 8) / 1000));
  assert.equal(figures.latencyMillis, 10_000 + 900 + 5 - 9_990);
});

test('the video size is the canvas in device pixels, even, within 1280x720 and keeping its shape', () => {
  assert.deepEqual(videoSize(641, 361, 1), { width: 640, height: 360 });
  assert.deepEqual(videoSize(800, 450, 2), { width: MAX_VIDEO_WIDTH, height: MAX_VIDEO_HEIGHT });
  assert.deepEqual(videoSize(1000, 1000, 1), { width: 720, height: 720 });
  assert.deepEqual(videoSize(3, 1, 1), { width: 16, height: 16 });
  const size = videoSize(1917, 1033, 1.5);
  assert.ok(size.width % 2 === 0 && size.height % 2 === 0 && size.width <= 1280 && size.height <= 720);
});

test('no video is asked for while the tab is hidden or without a decodable codec', () => {
  const size = { width: 640, height: 360 };
  assert.equal(videoSettings(size, ['vp8'], true), null);
  assert.equal(videoSettings(size, [], false), null);
  assert.deepEqual(videoSettings(size, ['avc1.42E01F', 'vp8'], false), { width: 640, height: 360,
    maxFramesPerSecond: 30, codecs: ['avc1.42E01F', 'vp8'], maxBitrateKbps: null });
});

function batcher() {
  const sent = [];
  const frames = [];
  const gestures = new GestureBatcher({ send: (input) => sent.push(input), schedule: (run) => frames.push(run),
    nowMicros: () => 1_000.4 });
  const nextFrame = () => frames.splice(0).forEach((run) => run());
  return { gestures, sent, frames, nextFrame };
}

const typeOf = (event) => Object.keys(event.event)[0].split('.').pop();
const valueOf = (event) => Object.values(event.event)[0];

test('gestures of one animation frame go out as one Input, merged by kind', () => {
  const { gestures, sent, frames, nextFrame } = batcher();
  gestures.orbit(0.1, 0);
  gestures.orbit(0.1, 0.2);
  gestures.zoom(100);
  gestures.zoom(-50);
  gestures.key('DOWN', 'KeyW', 'w', false, 0);
  gestures.pan(0.1, 0.1);
  assert.equal(frames.length, 1, 'one animation frame is asked for');
  assert.equal(sent.length, 0, 'nothing goes out before it');
  nextFrame();
  assert.equal(sent.length, 1);
  const events = sent[0].events;
  assert.deepEqual(events.map(typeOf), ['CameraOrbit', 'CameraZoom', 'KeyInput', 'CameraPan']);
  assert.ok(Math.abs(valueOf(events[0]).yawDegrees + 36) < 1e-9);
  assert.ok(Math.abs(valueOf(events[0]).pitchDegrees + 18) < 1e-9);
  assert.ok(Math.abs(valueOf(events[1]).factor - Math.exp(0.05)) < 1e-9);
  assert.equal(events[0].timeMicros, 1000);
  nextFrame();
  assert.equal(sent.length, 1, 'an empty frame sends nothing');
  gestures.pan(0.2, 0);
  nextFrame();
  assert.equal(sent.length, 2);
});

function pointer(grabbed) {
  const { gestures, sent, nextFrame } = batcher();
  const clicks = [];
  const moves = [];
  let answer;
  const pointers = new PointerGestures({
    gestures,
    click: (x, y) => clicks.push({ x, y }),
    grabs: () => new Promise((resolve) => { answer = () => resolve(grabbed); }),
    move: (from, to) => moves.push({ from, to }),
  });
  return { pointers, sent, nextFrame, clicks, moves, answer: async () => { answer(); await null; await null; } };
}

test('a press that barely moves is a click (a pick), not a camera move', async () => {
  const { pointers, sent, nextFrame, clicks, answer } = pointer(false);
  pointers.down(0.5, 0.5, 0);
  pointers.moveTo(0.5 + CLICK_SLOP / 2, 0.5);
  pointers.up(0.5 + CLICK_SLOP / 2, 0.5);
  await answer();
  nextFrame();
  assert.deepEqual(clicks, [{ x: 0.5, y: 0.5 }]);
  assert.equal(sent.length, 0);
});

test('a main-button drag off the selection orbits, including what moved before the pick answered', async () => {
  const { pointers, sent, nextFrame, moves, answer } = pointer(false);
  pointers.down(0.5, 0.5, 0);
  pointers.moveTo(0.6, 0.5);
  await answer();
  pointers.moveTo(0.7, 0.5);
  pointers.up(0.7, 0.5);
  nextFrame();
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0].events.map(typeOf), ['CameraOrbit']);
  assert.ok(Math.abs(valueOf(sent[0].events[0]).yawDegrees + 0.2 * 180) < 1e-9);
  assert.deepEqual(moves, []);
});

test('a secondary-button drag pans at once', () => {
  const { pointers, sent, nextFrame } = pointer(false);
  pointers.down(0.5, 0.5, 2);
  pointers.moveTo(0.5, 0.6);
  pointers.up(0.5, 0.6);
  nextFrame();
  assert.deepEqual(sent[0].events.map(typeOf), ['CameraPan']);
  assert.ok(Math.abs(valueOf(sent[0].events[0]).dy - 0.1) < 1e-9);
});

test('a drag that grabs the selected entity moves it once at the end and leaves the camera alone', async () => {
  const { pointers, sent, nextFrame, moves, answer } = pointer(true);
  pointers.down(0.2, 0.2, 0);
  pointers.moveTo(0.3, 0.2);
  pointers.moveTo(0.4, 0.3);
  pointers.up(0.4, 0.3);
  assert.deepEqual(moves, [], 'nothing moves before the pick answered');
  await answer();
  nextFrame();
  assert.deepEqual(moves, [{ from: { x: 0.2, y: 0.2 }, to: { x: 0.4, y: 0.3 } }]);
  assert.equal(sent.length, 0);
});

test('a pick answer selects its entity only when OK and something was hit', () => {
  const id = '3f1c7c8e-0b7a-4c55-9d8e-1b2c3d4e5f60';
  assert.equal(pickedEntity({ status: 'OK', pick: { entityId: id, distance: 2 } }), id);
  assert.equal(pickedEntity({ status: 'OK', pick: null }), null);
  assert.equal(pickedEntity({ status: 'UNAVAILABLE', pick: null }), null);
  assert.equal(pickedEntity(null), null);
});

test('a dragged entity moves in the plane facing the camera, scaled by its distance', () => {
  const position = { x: 1, y: 2, z: 3 };
  // unrotated camera, 90 degree field of view, square canvas: at distance 5 the view is 10 units across
  const camera = { rotation: { x: 0, y: 0, z: 0, w: 1 }, fovDegrees: 90 };
  const moved = draggedPosition(position, { x: 0.5, y: 0.5 }, { x: 0.6, y: 0.4 }, 5, camera, 1);
  assert.ok(Math.abs(moved.x - 2) < 1e-9 && Math.abs(moved.y - 3) < 1e-9 && Math.abs(moved.z - 3) < 1e-9,
    JSON.stringify(moved));
  // a camera turned a quarter about y: its right is -z
  const turned = { rotation: { x: 0, y: Math.SQRT1_2, z: 0, w: Math.SQRT1_2 }, fovDegrees: 90 };
  const right = rotate(turned.rotation, { x: 1, y: 0, z: 0 });
  assert.ok(Math.abs(right.z + 1) < 1e-9, JSON.stringify(right));
  const along = draggedPosition(position, { x: 0.5, y: 0.5 }, { x: 0.6, y: 0.5 }, 5, turned, 1);
  assert.ok(Math.abs(along.z - 2) < 1e-9 && Math.abs(along.x - 1) < 1e-9, JSON.stringify(along));
});

test('the client\'s own camera is found among the presence entities', () => {
  const rotation = { x: 0, y: 0, z: 0, w: 1 };
  const entities = [
    { components: { camera: { ownerClientId: 'other', fovDegrees: 50 }, transform: { rotation } } },
    { components: { camera: { ownerClientId: 'me', fovDegrees: 70 }, transform: { rotation } } },
  ];
  assert.deepEqual(ownCamera(entities, 'me'), { rotation, fovDegrees: 70 });
  assert.equal(ownCamera(entities, 'nobody'), null);
});
