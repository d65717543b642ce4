// The connection's handshake, heartbeat and reconnect rules, over an in-memory socket and a controlled clock; every
// frame is encoded and decoded by the real codec. (The bridge end to end is the browser test's job.)
import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { Channel, Direction, LivelinkCodec, wrap } from '../src/protocol.js';
import { CLIENT_SOFTWARE, ConnectionState, LivelinkConnection, backoffMillis } from '../src/connection.js';
import { pinnedSchemas } from './support.mjs';

const codec = new LivelinkCodec(pinnedSchemas);
const LIVELINK = 'io.scenelog.livelink';

/** Time that moves only when the test says so. */
class ManualClock {
  constructor() {
    this.nowMillis = 1_000_000;
    this.tasks = [];
    this.nextId = 1;
  }

  env() {
    return {
      setTimeout: (fn, ms) => this.schedule(fn, ms, null),
      clearTimeout: (id) => this.cancel(id),
      setInterval: (fn, ms) => this.schedule(fn, ms, ms),
      clearInterval: (id) => this.cancel(id),
      now: () => this.nowMillis,
      micros: () => this.nowMillis * 1000,
      random: () => 1,
    };
  }

  schedule(fn, ms, every) {
    const id = this.nextId++;
    this.tasks.push({ id, at: this.nowMillis + ms, fn, every });
    return id;
  }

  cancel(id) {
    this.tasks = this.tasks.filter((task) => task.id !== id);
  }

  advance(ms) {
    const until = this.nowMillis + ms;
    for (;;) {
      const due = this.tasks.filter((task) => task.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) {
        break;
      }
      this.nowMillis = due.at;
      if (due.every) {
        due.at += due.every;
      } else {
        this.cancel(due.id);
      }
      due.fn();
    }
    this.nowMillis = until;
  }
}

/** The bridge's end of a socket: records what the page sends, delivers frames to it. */
function socketFactory(sockets) {
  return class FakeSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closedWith = null;
      sockets.push(this);
    }

    send(bytes) {
      this.sent.push(codec.decode(bytes, Direction.CLIENT_TO_SERVER));
    }

    close(code, reason) {
      this.closedWith = { code, reason };
    }

    open() {
      this.onopen();
    }

    deliver(channel, payload) {
      const bytes = codec.encode(channel, payload);
      this.onmessage({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
    }

    drop(code = 1006) {
      this.onclose({ code, reason: '' });
    }
  };
}

function welcome(overrides = {}) {
  return {
    protocolVersion: 1, serverProtocolVersion: 1, sceneId: '5c3e1d2a-0000-4000-8000-000000000001',
    sessionId: '5e551017-0000-4000-8000-000000000002', clientId: 'client-1', role: 'EDITOR',
    sessionMode: 'PERSISTENT', startVersion: 7, resume: 'FRESH', heartbeatIntervalMillis: 1000,
    heartbeatTimeoutMillis: 3000,
    limits: { maxFrameBytes: 262144, actionsPerSecond: 50, actionBurst: 100, framesPerSecond: 500,
      outboundQueueFrames: 1024, outboundQueueBytes: 16777216 },
    tokenExpiresAt: 2_000_000, serverTime: 1_000_000, bridgeId: 'bridge-1',
    ...overrides,
  };
}

describe('a Livelink connection', () => {
  let clock;
  let sockets;
  let states;
  let resumePoint;
  let link;

  beforeEach(() => {
    clock = new ManualClock();
    sockets = [];
    states = [];
    resumePoint = null;
    link = new LivelinkConnection({
      url: 'ws://127.0.0.1:1/livelink', token: 'the-token', codec, resumeFrom: () => resumePoint,
      displayName: 'Alice', videoCodecs: ['vp8'], env: { ...clock.env(), WebSocket: socketFactory(sockets) },
    });
    link.on('state', (change) => states.push(change));
  });

  function connect(welcomeOverrides = {}) {
    link.start();
    const socket = sockets.at(-1);
    socket.open();
    socket.deliver(Channel.WELCOME, welcome(welcomeOverrides));
    return socket;
  }

  test('sends Hello first, with the token, the codecs and no resume point, then goes live on the Welcome', () => {
    const socket = connect();

    const [hello] = socket.sent;
    assert.equal(hello.channel.name, 'hello');
    assert.equal(hello.payload.token, 'the-token');
    assert.equal(hello.payload.protocolVersion, 1);
    assert.equal(hello.payload.resumeFromVersion, null);
    assert.deepEqual(hello.payload.videoCodecs, ['vp8']);
    assert.equal(hello.payload.displayName, 'Alice');
    assert.equal(hello.payload.clientSoftware, CLIENT_SOFTWARE);
    assert.deepEqual(states.map((s) => s.state), [ConnectionState.CONNECTING, ConnectionState.LIVE]);
    assert.ok(link.live);
  });

  test('answers a PING with a PONG at once, echoing its sequence and send time', () => {
    const socket = connect();
    const heard = [];
    link.on('heartbeat', (version) => heard.push(version));

    socket.deliver(Channel.HEARTBEAT, { kind: 'PING', sequence: 41, pingSentMicros: 99, sentAt: 1, sceneVersion: 9 });

    const pong = socket.sent.at(-1);
    assert.equal(pong.channel.name, 'heartbeat');
    assert.equal(pong.payload.kind, 'PONG');
    assert.equal(pong.payload.sequence, 41);
    assert.equal(pong.payload.pingSentMicros, 99);
    assert.deepEqual(heard, [9]);
  });

  test('pings every heartbeat interval and reports the round trip of the PONG', () => {
    const socket = connect();
    const latencies = [];
    link.on('latency', (millis) => latencies.push(millis));

    clock.advance(1000);
    const ping = socket.sent.at(-1).payload;
    clock.advance(12);
    socket.deliver(Channel.HEARTBEAT, { kind: 'PONG', sequence: ping.sequence, pingSentMicros: ping.pingSentMicros,
      sentAt: 0, sceneVersion: null });

    assert.equal(ping.kind, 'PING');
    assert.deepEqual(latencies, [12]);
  });

  test('stays refused after a refusal it cannot overcome', () => {
    link.start();
    const socket = sockets[0];
    socket.open();

    socket.deliver(Channel.REFUSAL, { reason: 'UNAUTHORIZED', message: 'bad signature', minProtocolVersion: 1,
      protocolVersion: 1, retryAfterMillis: null });
    socket.drop(1008);
    clock.advance(60_000);

    assert.equal(states.at(-1).state, ConnectionState.REFUSED);
    assert.equal(states.at(-1).reason, 'UNAUTHORIZED');
    assert.equal(sockets.length, 1);
  });

  test('reconnects after a lost connection with backoff, resuming from the version it was told', () => {
    const first = connect();
    resumePoint = 17;

    first.drop();
    assert.equal(states.at(-1).state, ConnectionState.RECONNECTING);
    clock.advance(states.at(-1).retryInMillis);
    const second = sockets.at(-1);
    second.open();

    assert.equal(sockets.length, 2);
    assert.equal(second.sent[0].payload.resumeFromVersion, 17);
  });

  test('waits at least the bridge\'s retryAfterMillis after a SERVER_SHUTDOWN', () => {
    const first = connect();

    first.deliver(Channel.CONTROL, { command: wrap(LIVELINK, 'Disconnect', { reason: 'SERVER_SHUTDOWN',
      message: 'draining', retryAfterMillis: 5000 }) });
    first.drop(1001);
    clock.advance(4999);
    assert.equal(sockets.length, 1);
    clock.advance(1);

    assert.equal(sockets.length, 2);
  });

  test('does not come back after EVICTED', () => {
    const first = connect();

    first.deliver(Channel.CONTROL, { command: wrap(LIVELINK, 'Disconnect', { reason: 'EVICTED',
      message: 'by admin', retryAfterMillis: null }) });
    first.drop(1000);
    clock.advance(60_000);

    assert.equal(states.at(-1).state, ConnectionState.DISCONNECTED);
    assert.equal(states.at(-1).reason, 'EVICTED');
    assert.equal(sockets.length, 1);
  });

  test('gives a silent link up after the heartbeat timeout and reconnects', () => {
    const first = connect();

    clock.advance(3000 + 1000);

    assert.ok(first.closedWith, 'the silent socket is closed');
    assert.equal(states.at(-1).state, ConnectionState.RECONNECTING);
    clock.advance(states.at(-1).retryInMillis);
    assert.equal(sockets.length, 2);
  });

  test('assembles a query answer from its parts', async () => {
    const socket = connect();
    const answer = link.queryEntities();
    const query = socket.sent.at(-1);
    const part = (index, last, entityIds) => ({
      queryId: query.payload.queryId, status: 'OK', message: '', sceneVersion: 30, part: index, last, pick: null,
      entities: entityIds.map((entityId) => ({ sceneId: welcome().sceneId, entityId, sessionId: null, version: 1,
        sceneVersion: 2, updatedAt: 0, components: { name: null, transform: null, parent: null, mesh: null,
          material: null, camera: null, light: null, tags: null, visible: null } })),
    });

    socket.deliver(Channel.QUERY_RESULT, part(0, false, ['e0000000-0000-4000-8000-000000000001']));
    socket.deliver(Channel.QUERY_RESULT, part(1, true, ['e0000000-0000-4000-8000-000000000002']));

    assert.equal(query.channel.name, 'query');
    const result = await answer;
    assert.equal(result.sceneVersion, 30);
    assert.deepEqual(result.entities.map((e) => e.entityId), ['e0000000-0000-4000-8000-000000000001',
      'e0000000-0000-4000-8000-000000000002']);
  });

  test('fails a pending query when the link drops', async () => {
    const socket = connect();
    const answer = link.queryEntities();

    socket.drop();

    await assert.rejects(answer, /dropped/);
  });

  test('treats a frame it cannot read as a protocol error and stops', () => {
    const socket = connect();

    socket.onmessage({ data: Uint8Array.of(99, 1, 2).buffer });

    assert.equal(states.at(-1).state, ConnectionState.DISCONNECTED);
    assert.equal(states.at(-1).reason, 'PROTOCOL_ERROR');
    assert.equal(socket.closedWith.code, 4002);
  });
});

test('backoff doubles per attempt up to its ceiling', () => {
  const max = (attempt) => backoffMillis(attempt, { random: () => 1 });
  assert.deepEqual([1, 2, 3, 4, 10].map(max), [500, 1000, 2000, 4000, 15000]);
  assert.equal(backoffMillis(3, { random: () => 0 }), 1000);
});
