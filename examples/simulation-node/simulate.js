'use strict';

// A simulation that writes to a Scenelog scene straight through Kafka, as any external system can:
// it reads the record schemas from the schema registry (by subject, latest version), produces
// SceneAction records (Confluent wire format) to scene-actions with an idempotent producer, and
// counts its accepted and rejected results on action-results. It creates N entities, then moves
// them along circles, updating each entity's transform H times per second.
//
//   node simulate.js --scene <uuid> [--create-scene] --entities 5 --rate-hz 10 --duration 10s
//                    (--token <jwt> | --token-key-file <file>) [--bootstrap-servers h:p] [--registry-url url]
//
// Every second it prints a progress line on stderr; at the end it prints one JSON summary on stdout:
// {"clientId","sceneId","sent","accepted","rejected","reasons":{},"entities":{"<id>":<last transform>}}.
// Exit code 0 when every action was resolved in time, 1 otherwise (or on an error).

const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const token = require('./token');

const ACTIONS_TOPIC = 'scene-actions';
const CONTROL_TOPIC = 'scene-control';
const RESULTS_TOPIC = 'action-results';

function duration(text, option) {
  const match = /^(\d+)(ms|s|m)$/.exec(String(text).trim());
  if (!match) throw new Error(`--${option} '${text}' is not a duration: write e.g. 500ms, 10s or 2m.`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60000 }[match[2]];
}

function positive(text, option) {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${option} '${text}' must be a positive number.`);
  return value;
}

function settings(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'bootstrap-servers': { type: 'string', default: process.env.SCENELOG_BOOTSTRAP_SERVERS || '127.0.0.1:9092' },
      'registry-url': { type: 'string', default: process.env.SCENELOG_REGISTRY_URL || 'http://127.0.0.1:8080' },
      scene: { type: 'string' },
      'create-scene': { type: 'boolean', default: false },
      entities: { type: 'string', default: '5' },
      'rate-hz': { type: 'string', default: '10' },
      duration: { type: 'string', default: '10s' },
      token: { type: 'string' },
      'token-key-file': { type: 'string', default: process.env.SCENELOG_TOKEN_KEY_FILE },
      'client-id': { type: 'string', default: `sim-node-${crypto.randomUUID().slice(0, 8)}` },
      'drain-timeout': { type: 'string', default: '30s' },
    },
  });
  const createScene = values['create-scene'];
  const scene = values.scene || (createScene ? crypto.randomUUID() : null);
  if (!scene) throw new Error('--scene is required (or --create-scene to make a new one).');
  if (!values.token && !values['token-key-file']) {
    throw new Error('Give --token <jwt> (an editor token for the scene) or --token-key-file <file> to mint one.');
  }
  if (createScene && !values['token-key-file']) {
    throw new Error('--create-scene needs --token-key-file: creating a scene takes an admin token.');
  }
  return {
    brokers: values['bootstrap-servers'].split(','),
    registryUrl: values['registry-url'],
    sceneId: scene,
    createScene,
    entities: Math.floor(positive(values.entities, 'entities')),
    rateHz: positive(values['rate-hz'], 'rate-hz'),
    durationMs: duration(values.duration, 'duration'),
    drainMs: duration(values['drain-timeout'], 'drain-timeout'),
    token: values.token,
    key: values['token-key-file'] ? token.readKey(values['token-key-file']) : null,
    clientId: values['client-id'],
  };
}

// Entity i circles the origin; the transform is a pure function of time, so a run is reproducible.
function transformAt(index, count, seconds) {
  const angle = 2 * Math.PI * (seconds * 0.25 + index / count);
  const radius = 2 + (index % 3);
  return {
    position: { x: radius * Math.cos(angle), y: 0.5 + 0.25 * index, z: radius * Math.sin(angle) },
    rotation: { x: 0, y: Math.sin(angle / 2), z: 0, w: Math.cos(angle / 2) },
    scale: { x: 1, y: 1, z: 1 },
  };
}

// A full set of components: the union fields ["null", T] take the value itself (avsc unwraps them).
function components(fields) {
  return { name: null, transform: null, parent: null, mesh: null, material: null, camera: null,
    light: null, tags: null, visible: null, ...fields };
}

class Simulation {
  constructor(s) {
    this.s = s;
    this.kafka = new Kafka({ clientId: s.clientId, brokers: s.brokers, logLevel: logLevel.ERROR });
    // avsc wraps only ambiguous unions: SceneAction.operations items are {"<full record name>": {...}}.
    this.registry = new SchemaRegistry({ host: s.registryUrl }, { [SchemaType.AVRO]: { wrapUnions: 'auto' } });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, // Java-compatible murmur2: same partition as Java
    });
    this.consumer = this.kafka.consumer({ groupId: `scenelog-sim-${s.clientId}`, allowAutoTopicCreation: false });
    this.entityIds = Array.from({ length: s.entities }, () => crypto.randomUUID());
    this.last = {};
    this.seq = 0;
    this.sent = 0;
    this.accepted = 0;
    this.rejected = 0;
    this.reasons = {};
    this.pending = new Map(); // actionId -> resolve callback of a command we wait for
    this.expiresIn = Math.ceil((s.durationMs + s.drainMs) / 1000) + 3600;
    this.token = s.token || token.mint(s.key, { subject: s.clientId, role: 'editor', scene: s.sceneId },
      this.expiresIn);
  }

  async start() {
    this.actionSchemaId = await this.registry.getLatestSchemaId(`${ACTIONS_TOPIC}-value`);
    await this.producer.connect();
    await this.followResults();
  }

  // Reads action-results from the moment the simulation started, whatever the consumer group
  // did before: the seeks are applied as soon as the group assigns the partitions.
  async followResults() {
    const startedAt = Date.now() - 1000;
    const admin = this.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsetsByTimestamp(RESULTS_TOPIC, startedAt);
    await admin.disconnect();
    const joined = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, resolve));
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: RESULTS_TOPIC, fromBeginning: false });
    await this.consumer.run({ autoCommit: false, eachMessage: ({ message }) => this.onResult(message) });
    offsets.forEach(({ partition, offset }) => this.consumer.seek({ topic: RESULTS_TOPIC, partition, offset }));
    await joined;
  }

  async onResult(message) {
    const result = await this.registry.decode(message.value);
    if (result.clientId !== this.s.clientId) return;
    const waiting = this.pending.get(result.actionId);
    if (waiting) {
      this.pending.delete(result.actionId);
      waiting(result);
      return;
    }
    if (result.status === 'ACCEPTED') {
      this.accepted += 1;
    } else {
      this.rejected += 1;
      this.reasons[result.reason] = (this.reasons[result.reason] || 0) + 1;
    }
  }

  async createScene() {
    const schemaId = await this.registry.getLatestSchemaId(`${CONTROL_TOPIC}-value`);
    const admin = token.mint(this.s.key, { subject: this.s.clientId, role: 'admin', scene: this.s.sceneId },
      this.expiresIn);
    const commandId = crypto.randomUUID();
    const result = new Promise((resolve) => this.pending.set(commandId, resolve));
    const command = {
      commandId, sceneId: this.s.sceneId, clientId: this.s.clientId, token: admin, issuedAt: Date.now(),
      command: { 'io.scenelog.model.CreateScene': { name: `simulation ${this.s.clientId}`, settings: {} } },
    };
    await this.producer.send({
      topic: CONTROL_TOPIC,
      messages: [{ key: this.s.sceneId, value: await this.registry.encode(schemaId, command) }],
    });
    const outcome = await withDeadline(result, this.s.drainMs, 'the CreateScene result');
    if (outcome.status !== 'ACCEPTED') {
      throw new Error(`Scene ${this.s.sceneId} was not created: ${outcome.reason} ${outcome.message}`);
    }
  }

  action(operations) {
    this.seq += 1;
    return {
      actionId: crypto.randomUUID(), sceneId: this.s.sceneId, sessionId: null, clientId: this.s.clientId,
      token: this.token, clientSeq: this.seq, sentAt: Date.now(), persist: true, operations,
    };
  }

  async send(actions) {
    const messages = [];
    for (const action of actions) {
      messages.push({ key: this.s.sceneId, value: await this.registry.encode(this.actionSchemaId, action) });
    }
    await this.producer.send({ topic: ACTIONS_TOPIC, acks: -1, messages });
    this.sent += actions.length;
  }

  async createEntities() {
    const operations = this.entityIds.map((entityId, i) => {
      this.last[entityId] = transformAt(i, this.entityIds.length, 0);
      return { 'io.scenelog.model.CreateEntity': {
        entityId,
        components: components({ name: `body-${i}`, transform: this.last[entityId],
          mesh: { asset: null, primitive: 'SPHERE' } }) } };
    });
    await this.send([this.action(operations)]);
  }

  // One action per entity per tick, sent together, in order. The ticks come from a timer, never a busy loop.
  async moveEntities() {
    const periodMs = 1000 / this.s.rateHz;
    const ticks = Math.max(1, Math.floor(this.s.durationMs / periodMs));
    let tick = 0;
    let sending = Promise.resolve();
    await new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        tick += 1;
        const seconds = tick / this.s.rateHz;
        const actions = this.entityIds.map((entityId, i) => {
          this.last[entityId] = transformAt(i, this.entityIds.length, seconds);
          return this.action([{ 'io.scenelog.model.UpdateComponents': {
            entityId, components: components({ transform: this.last[entityId] }), expectedVersion: null } }]);
        });
        sending = sending.then(() => this.send(actions));
        sending.catch((err) => { clearInterval(timer); reject(err); });
        if (tick >= ticks) {
          clearInterval(timer);
          sending.then(resolve, reject);
        }
      }, periodMs);
    });
  }

  resolved() {
    return this.accepted + this.rejected;
  }

  progress(startedAt) {
    const seconds = (Date.now() - startedAt) / 1000;
    process.stderr.write(`t=${seconds.toFixed(1)}s rate=${(this.sent / Math.max(seconds, 0.001)).toFixed(1)}/s `
      + `sent=${this.sent} accepted=${this.accepted} rejected=${this.rejected} lag=${this.sent - this.resolved()}\n`);
  }

  async drain() {
    const deadline = Date.now() + this.s.drainMs;
    while (this.resolved() < this.sent && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  summary() {
    return { clientId: this.s.clientId, sceneId: this.s.sceneId, sent: this.sent, accepted: this.accepted,
      rejected: this.rejected, reasons: this.reasons, entities: this.last };
  }

  async stop() {
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect()]);
  }
}

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer for ${what} within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function main() {
  const simulation = new Simulation(settings(process.argv.slice(2)));
  const startedAt = Date.now();
  const ticker = setInterval(() => simulation.progress(startedAt), 1000);
  let stopping = false;
  const stop = async (failed) => {
    if (stopping) return;
    stopping = true;
    clearInterval(ticker);
    simulation.progress(startedAt);
    process.stdout.write(`${JSON.stringify(simulation.summary())}\n`);
    await simulation.stop();
    process.exit(failed || simulation.resolved() !== simulation.sent ? 1 : 0);
  };
  process.on('SIGINT', () => stop(false));
  process.on('SIGTERM', () => stop(false));
  let failed = false;
  try {
    await simulation.start();
    if (simulation.s.createScene) await simulation.createScene();
    await simulation.createEntities();
    await simulation.moveEntities();
    await simulation.drain();
  } catch (err) {
    failed = true;
    process.stderr.write(`simulation failed: ${err && err.stack ? err.stack : err}\n`);
  }
  await stop(failed);
}

main().catch((err) => {
  // Only settings errors get here (before any client connects).
  process.stderr.write(`simulation failed: ${err && err.message ? err.message : err}\n`);
  process.exit(2);
});
