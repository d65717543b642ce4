'use strict';

// A third-party peer for Scenelog: kafkajs and @kafkajs/confluent-schema-registry (code no one
// here wrote) talk to our broker and our Confluent-compatible registry.
//
//   node peer.js produce   registers PEER_SCHEMA's Avro schema under "<topic>-value" through the
//                          registry client, produces one record to PEER_TOPIC, prints
//                          {"subject","id","partition","offset","value"} as one JSON line.
//   node peer.js consume   reads the first record of PEER_TOPIC (written by the Java serializer),
//                          decodes it through the registry client, prints
//                          {"id","value","key","partition","offset"} as one JSON line.
//
// Environment: PEER_BOOTSTRAP (host:port[,host:port]), PEER_REGISTRY_URL (http://host:port),
// PEER_TOPIC, optional PEER_VALUE (JSON of the record to produce), PEER_DEADLINE_MS.
// Logs go to stderr; stdout carries only the result line. Exit code 0 on success.

const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const PEER_SCHEMA = {
  type: 'record',
  name: 'PeerGreeting',
  namespace: 'io.scenelog.peer',
  doc: 'A record a third-party client registers and produces.',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'count', type: 'int' },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
  ],
};

const DEFAULT_VALUE = { name: 'from-kafkajs', count: 42, tags: ['peer', 'node'] };

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Environment variable ${name} is required (see the header of peer.js).`);
  }
  return value;
}

function settings() {
  return {
    brokers: requiredEnv('PEER_BOOTSTRAP').split(','),
    registryUrl: requiredEnv('PEER_REGISTRY_URL'),
    topic: requiredEnv('PEER_TOPIC'),
    deadlineMs: Number(process.env.PEER_DEADLINE_MS || 60000),
    value: process.env.PEER_VALUE ? JSON.parse(process.env.PEER_VALUE) : DEFAULT_VALUE,
  };
}

function clients(s) {
  const kafka = new Kafka({
    clientId: 'scenelog-peer-node',
    brokers: s.brokers,
    logLevel: logLevel.ERROR,
    retry: { retries: 5 },
  });
  const registry = new SchemaRegistry({ host: s.registryUrl });
  return { kafka, registry };
}

async function produce(s) {
  const { kafka, registry } = clients(s);
  const subject = `${s.topic}-value`;
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(PEER_SCHEMA) },
    { subject },
  );
  const encoded = await registry.encode(id, s.value);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const [meta] = await producer.send({
      topic: s.topic,
      messages: [{ key: s.value.name, value: encoded }],
    });
    return { subject, id, partition: meta.partition, offset: meta.baseOffset, value: s.value };
  } finally {
    await producer.disconnect();
  }
}

async function consume(s) {
  const { kafka, registry } = clients(s);
  const consumer = kafka.consumer({ groupId: `scenelog-peer-node-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: s.topic, fromBeginning: true });
    const first = await new Promise((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            try {
              const value = await registry.decode(message.value);
              resolve({
                id: message.value.readInt32BE(1),
                value,
                key: message.key ? message.key.toString('utf8') : null,
                partition,
                offset: message.offset,
              });
            } catch (err) {
              reject(err);
            }
          },
        })
        .catch(reject);
    });
    return first;
  } finally {
    await consumer.disconnect();
  }
}

async function main() {
  const mode = process.argv[2];
  const s = settings();
  const action = { produce, consume }[mode];
  if (!action) {
    throw new Error(`Unknown mode '${mode}': use 'produce' or 'consume'.`);
  }
  const deadline = new Promise((_, reject) => {
    setTimeout(
      () => reject(new Error(`Peer '${mode}' did not finish within ${s.deadlineMs} ms.`)),
      s.deadlineMs,
    ).unref();
  });
  const result = await Promise.race([action(s), deadline]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`peer failed: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
