// One client's Livelink link to the bridge, across reconnects: the handshake (Hello first, then Welcome or
// Refusal), the heartbeat both ways, the watchdog that declares a silent link dead, and reconnecting with backoff
// and resume (schemas/README.md, "Sequences"). It knows nothing of the scene: the session wires the frames it
// emits to the mirror and the UI, and tells it where to resume from.

import { Channel, FrameError, PROTOCOL_VERSION, branchOf, wrap } from './protocol.js';

export const ConnectionState = Object.freeze({
  CONNECTING: 'connecting',
  LIVE: 'live',
  RECONNECTING: 'reconnecting',
  REFUSED: 'refused',
  DISCONNECTED: 'disconnected',
});

export const CLIENT_SOFTWARE = 'scenelog-viewer/0.1.0';

const LIVELINK = 'io.scenelog.livelink';

/** Disconnect reasons after which reconnecting with the same token makes sense (DisconnectReason docs). */
const RESUMABLE_DISCONNECTS = new Set(['UNKNOWN', 'SLOW_CONSUMER', 'IDLE', 'RATE_LIMITED', 'SERVER_SHUTDOWN']);
/** Disconnect reasons after which a new REST join (a new token) may reconnect. */
export const REJOIN_DISCONNECTS = new Set(['TOKEN_EXPIRED', 'ROLE_CHANGED']);
/** Refusals that a later attempt may overcome. */
const RETRYABLE_REFUSALS = new Set(['UNAVAILABLE', 'HELLO_TIMEOUT']);

/** How long to wait for the Welcome before giving the attempt up (the bridge's own hello timeout is shorter). */
const DEFAULT_WELCOME_TIMEOUT_MILLIS = 15000;

/**
 * Exponential backoff with full jitter: attempt 1 waits up to `initial`, each further one up to twice as long, never
 * more than `max`.
 */
export function backoffMillis(attempt, { initialMillis = 500, maxMillis = 15000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMillis, initialMillis * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A Livelink connection that reconnects on its own. Listeners (on(type, fn)):
 * 'state' ({state, reason, message, retryInMillis}), 'welcome' (Welcome), 'event', 'action-result', 'presence',
 * 'video', 'control' (the payloads), 'heartbeat' (a bridge PING: its sceneVersion), 'latency' (round trip in
 * milliseconds), 'error' (a FrameError from a frame the page could not read).
 */
export class LivelinkConnection {
  /**
   * @param {object} options
   * @param {string} options.url the bridge's Livelink WebSocket URL
   * @param {string} options.token the client token of the REST join
   * @param {import('./protocol.js').LivelinkCodec} options.codec
   * @param {() => (number|null)} options.resumeFrom the version to resume from, or null for a fresh start
   * @param {string} [options.displayName]
   * @param {string[]} [options.videoCodecs] what the page can decode, preferred first
   * @param {boolean} [options.headless]
   * @param {object} [options.env] what the link runs on (tests pass their own): WebSocket, setTimeout,
   *   clearTimeout, setInterval, clearInterval, now (wall clock ms), micros (monotonic clock µs), random
   */
  constructor({ url, token, codec, resumeFrom, displayName = '', videoCodecs = [], headless = false, env = {} }) {
    this.url = url;
    this.token = token;
    this.codec = codec;
    this.resumeFrom = resumeFrom;
    this.hello = { displayName, videoCodecs, headless };
    this.env = {
      WebSocket: globalThis.WebSocket,
      setTimeout: globalThis.setTimeout.bind(globalThis),
      clearTimeout: globalThis.clearTimeout.bind(globalThis),
      setInterval: globalThis.setInterval.bind(globalThis),
      clearInterval: globalThis.clearInterval.bind(globalThis),
      now: () => Date.now(),
      micros: () => Math.round(performance.now() * 1000),
      random: Math.random,
      ...env,
    };
    this.listeners = new Map();
    this.state = undefined;
    this.socket = null;
    this.welcome = null;
    this.attempt = 0;
    this.timers = new Set();
    this.stopped = false;
    this.pingSequence = 0;
    this.nextQueryId = 1;
    this.queries = new Map();
  }

  on(type, listener) {
    if (!this.listeners.has(type)) {
      this.listeners.set(type, new Set());
    }
    this.listeners.get(type).add(listener);
    return () => this.listeners.get(type).delete(listener);
  }

  /** Opens the link; it then keeps itself open until it is refused, told not to come back, or closed. */
  start() {
    this.setState(ConnectionState.CONNECTING);
    this.open();
  }

  /** Closes the link for good (a page leaving, a new join replacing it). */
  close(message = 'closed') {
    this.stopped = true;
    this.clearTimers();
    this.failQueries(message);
    if (this.socket) {
      this.socket.close(1000, message.slice(0, 120));
      this.socket = null;
    }
    this.setState(ConnectionState.DISCONNECTED, { reason: 'CLOSED', message });
  }

  /** Whether frames can be sent now (after the Welcome, before the link drops). */
  get live() {
    return this.state === ConnectionState.LIVE;
  }

  /**
   * Sends one frame; false when the link is not live (the caller keeps what must survive, e.g. pending actions).
   * A payload that does not fit its schema or the frame limit throws a FrameError.
   */
  send(channel, payload) {
    if (!this.live) {
      return false;
    }
    this.socket.send(this.codec.encode(channel, payload));
    return true;
  }

  /**
   * Asks for entity states (all of them when `entityIds` is empty) and resolves with the whole answer:
   * {status, message, sceneVersion, entities}. Rejects when the link drops first.
   */
  queryEntities(entityIds = []) {
    const queryId = this.nextQueryId++;
    return new Promise((resolve, reject) => {
      const payload = { queryId, query: wrap(LIVELINK, 'EntityStateQuery', { entityIds }) };
      this.queries.set(queryId, { resolve, reject, entities: [] });
      if (!this.send(Channel.QUERY, payload)) {
        this.queries.delete(queryId);
        reject(new Error('not connected'));
      }
    });
  }

  /**
   * Asks the renderer what is under a point of the video (fractions of the canvas) and resolves with
   * {status, message, sceneVersion, pick} (pick: {entityId, position, distance} or null). Rejects when the link drops
   * first.
   */
  queryPick(x, y) {
    const queryId = this.nextQueryId++;
    return new Promise((resolve, reject) => {
      this.queries.set(queryId, { resolve, reject, entities: [] });
      if (!this.send(Channel.QUERY, { queryId, query: wrap(LIVELINK, 'PickQuery', { x, y }) })) {
        this.queries.delete(queryId);
        reject(new Error('not connected'));
      }
    });
  }

  open() {
    let socket;
    try {
      socket = new this.env.WebSocket(this.url);
    } catch (error) {
      // a malformed URL, or one the page's Content-Security-Policy does not allow: retrying cannot help
      this.stopped = true;
      this.setState(ConnectionState.DISCONNECTED, { reason: 'CANNOT_CONNECT', message: error.message });
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.welcome = null;
    this.disconnect = null;
    this.refusal = null;
    socket.onopen = () => this.sendHello(socket);
    socket.onmessage = (message) => {
      if (socket === this.socket) {
        this.receive(message.data);
      }
    };
    socket.onclose = (event) => {
      if (socket === this.socket) {
        this.closed(event);
      }
    };
    this.later(() => {
      if (socket === this.socket && this.welcome === null) {
        this.abandon(socket, 'no Welcome in time');
      }
    }, DEFAULT_WELCOME_TIMEOUT_MILLIS);
  }

  sendHello(socket) {
    const resumeFromVersion = this.resumeFrom();
    const hello = {
      protocolVersion: PROTOCOL_VERSION,
      minProtocolVersion: PROTOCOL_VERSION,
      token: this.token,
      headless: this.hello.headless,
      videoCodecs: this.hello.videoCodecs,
      resumeFromVersion: resumeFromVersion ?? null,
      displayName: this.hello.displayName,
      clientSoftware: CLIENT_SOFTWARE,
    };
    socket.send(this.codec.encode(Channel.HELLO, hello));
  }

  receive(data) {
    if (typeof data === 'string') {
      this.protocolError(new FrameError('MALFORMED_PAYLOAD', 'a text message; Livelink frames are binary'));
      return;
    }
    let frame;
    try {
      frame = this.codec.decode(data);
    } catch (error) {
      this.protocolError(error);
      return;
    }
    this.lastHeard = this.env.now();
    const { channel, payload } = frame;
    if (this.welcome === null) {
      this.beforeWelcome(channel, payload);
      return;
    }
    switch (channel.id) {
      case Channel.HEARTBEAT.id:
        this.heartbeat(payload);
        break;
      case Channel.CONTROL.id:
        this.control(payload);
        break;
      case Channel.QUERY_RESULT.id:
        this.queryResult(payload);
        break;
      case Channel.WELCOME.id:
      case Channel.REFUSAL.id:
        this.protocolError(new FrameError('MALFORMED_PAYLOAD', `a second handshake frame (${channel.name})`));
        break;
      default:
        this.emit(channel.name, payload);
    }
  }

  beforeWelcome(channel, payload) {
    if (channel.id === Channel.REFUSAL.id) {
      this.refusal = payload;
      return; // the bridge closes next; closed() decides what follows
    }
    if (channel.id !== Channel.WELCOME.id) {
      this.protocolError(new FrameError('MALFORMED_PAYLOAD', `${channel.name} before the Welcome`));
      return;
    }
    if (payload.protocolVersion !== PROTOCOL_VERSION) {
      this.protocolError(new FrameError('MALFORMED_PAYLOAD',
        `the bridge agreed on protocol version ${payload.protocolVersion}; this page speaks ${PROTOCOL_VERSION}`));
      return;
    }
    this.welcome = payload;
    this.attempt = 0;
    this.codec = this.codec.withMaxFrameBytes(payload.limits.maxFrameBytes);
    this.startHeartbeat(payload);
    this.setState(ConnectionState.LIVE);
    this.emit('welcome', payload);
  }

  startHeartbeat(welcome) {
    const socket = this.socket;
    const interval = this.env.setInterval(() => {
      if (socket !== this.socket) {
        return;
      }
      if (this.env.now() - this.lastHeard > welcome.heartbeatTimeoutMillis) {
        this.abandon(socket, `nothing heard for ${welcome.heartbeatTimeoutMillis} ms`);
        return;
      }
      this.ping = { sequence: ++this.pingSequence, sentMicros: this.env.micros() };
      this.send(Channel.HEARTBEAT, {
        kind: 'PING',
        sequence: this.ping.sequence,
        pingSentMicros: this.ping.sentMicros,
        sentAt: this.env.now(),
        sceneVersion: this.resumeFrom() ?? null,
      });
    }, welcome.heartbeatIntervalMillis);
    this.timers.add({ interval });
  }

  heartbeat(beat) {
    if (beat.kind === 'PING') {
      this.send(Channel.HEARTBEAT, {
        kind: 'PONG',
        sequence: beat.sequence,
        pingSentMicros: beat.pingSentMicros,
        sentAt: this.env.now(),
        sceneVersion: this.resumeFrom() ?? null,
      });
      if (beat.sceneVersion !== null) {
        this.emit('heartbeat', beat.sceneVersion);
      }
    } else if (beat.kind === 'PONG' && this.ping && beat.sequence === this.ping.sequence) {
      const roundTripMillis = (this.env.micros() - beat.pingSentMicros) / 1000;
      this.emit('latency', roundTripMillis);
      // The bridge's clock minus ours: its PONG left it about half a round trip ago.
      this.emit('clock-offset', beat.sentAt + roundTripMillis / 2 - this.env.now());
    }
  }

  control(control) {
    const command = branchOf(control.command);
    if (command.type === 'Disconnect') {
      this.disconnect = command.value; // the bridge closes next
    }
    this.emit('control', command);
  }

  queryResult(result) {
    const query = this.queries.get(result.queryId);
    if (query === undefined) {
      return;
    }
    query.entities.push(...result.entities);
    if (result.last || result.status !== 'OK') {
      this.queries.delete(result.queryId);
      query.resolve({ status: result.status, message: result.message, sceneVersion: result.sceneVersion,
        entities: query.entities, pick: result.pick ?? null });
    }
  }

  protocolError(error) {
    this.emit('error', error);
    this.stopped = true;
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    this.failQueries(error.message);
    // 4002, not the protocol-error code 1002: a page may only close with 1000 or 3000-4999 (else close() throws)
    socket?.close(4002, 'protocol error');
    this.setState(ConnectionState.DISCONNECTED, { reason: 'PROTOCOL_ERROR', message: error.message });
  }

  /** Gives a link up that looks dead, and reconnects. */
  abandon(socket, why) {
    socket.onclose = null;
    socket.close(4000, why);
    this.closed({ code: 4000, reason: why });
  }

  closed(event) {
    this.socket = null;
    this.clearTimers();
    this.failQueries('the connection dropped');
    if (this.stopped) {
      return;
    }
    if (this.refusal) {
      this.afterRefusal(this.refusal);
    } else if (this.disconnect) {
      this.afterDisconnect(this.disconnect);
    } else {
      this.retry({ reason: 'CONNECTION_LOST', message: describeClose(event) });
    }
  }

  afterRefusal(refusal) {
    const detail = { reason: refusal.reason, message: refusal.message };
    if (RETRYABLE_REFUSALS.has(refusal.reason)) {
      this.retry(detail, refusal.retryAfterMillis);
    } else {
      this.stopped = true;
      this.setState(ConnectionState.REFUSED, detail);
    }
  }

  afterDisconnect(disconnect) {
    const detail = { reason: disconnect.reason, message: disconnect.message };
    if (RESUMABLE_DISCONNECTS.has(disconnect.reason)) {
      this.retry(detail, disconnect.retryAfterMillis);
    } else {
      this.stopped = true;
      this.setState(ConnectionState.DISCONNECTED, detail);
    }
  }

  retry(detail, retryAfterMillis = null) {
    this.attempt += 1;
    const wait = Math.max(retryAfterMillis ?? 0,
      backoffMillis(this.attempt, { random: this.env.random }));
    this.setState(ConnectionState.RECONNECTING, { ...detail, retryInMillis: wait });
    this.later(() => {
      if (!this.stopped) {
        this.open();
      }
    }, wait);
  }

  later(task, millis) {
    const timer = { timeout: null };
    timer.timeout = this.env.setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, millis);
    this.timers.add(timer);
  }

  clearTimers() {
    for (const timer of this.timers) {
      if (timer.interval !== undefined) {
        this.env.clearInterval(timer.interval);
      } else {
        this.env.clearTimeout(timer.timeout);
      }
    }
    this.timers.clear();
  }

  failQueries(why) {
    for (const query of this.queries.values()) {
      query.reject(new Error(why));
    }
    this.queries.clear();
  }

  setState(state, detail = {}) {
    this.state = state;
    this.emit('state', { state, ...detail });
  }

  emit(type, value) {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(value);
    }
  }
}

function describeClose(event) {
  const code = event?.code ?? 1006;
  return event?.reason ? `closed (${code}): ${event.reason}` : `closed (${code})`;
}
