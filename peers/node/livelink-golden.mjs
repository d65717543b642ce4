// Decodes Scenelog's golden Livelink frames with avsc, a third-party Avro implementation (the one the
// viewer page uses), knowing only the AsyncAPI document: each frame's first byte names the channel
// (x-livelink-channel-id), whose message payload is the Avro schema of the rest.
//
//   node livelink-golden.mjs <asyncapi file> <golden folder>
//
// Every <name>.hex in the folder (hex after '#' comment lines) must decode completely and encode
// again to the same bytes. Prints {"frames":n,"channels":[ids]} as one JSON line on success (exit 0);
// prints what failed to stderr and exits 1 otherwise, 2 on wrong usage.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import avro from 'avsc';

async function typesByChannelId(file) {
  const parser = new Parser();
  parser.registerSchemaParser(AvroSchemaParser());
  const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
  if (document === undefined) {
    throw new Error(`${file} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  }
  const types = new Map();
  for (const message of document.messages().all()) {
    const json = message.json();
    const id = json['x-livelink-channel-id'];
    const schema = json.payload && json.payload['x-parser-original-payload'];
    if (id === undefined || schema === undefined) {
      throw new Error(`message ${message.id()} has no x-livelink-channel-id or no Avro payload`);
    }
    types.set(id, avro.Type.forSchema(schema));
  }
  return types;
}

async function main(args) {
  if (args.length !== 2) {
    console.error('Usage: node livelink-golden.mjs <asyncapi file> <golden folder>');
    return 2;
  }
  const types = await typesByChannelId(resolve(args[0]));
  const folder = resolve(args[1]);
  const names = (await readdir(folder)).filter((name) => name.endsWith('.hex')).sort();
  const failures = [];
  const channels = new Set();
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8');
    const frame = Buffer.from(text.split('\n').filter((line) => !line.startsWith('#')).join('')
      .replace(/\s/g, ''), 'hex');
    const type = types.get(frame[0]);
    if (type === undefined) {
      failures.push(`${name}: no channel has id ${frame[0]}`);
      continue;
    }
    try {
      const value = type.fromBuffer(frame.subarray(1));
      const again = Buffer.concat([frame.subarray(0, 1), type.toBuffer(value)]);
      if (!again.equals(frame)) {
        failures.push(`${name}: avsc encodes the decoded value as ${again.toString('hex')}`);
      }
      channels.add(frame[0]);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
    }
  }
  if (names.length === 0) {
    failures.push(`no .hex files in ${folder}`);
  }
  if (failures.length > 0) {
    failures.forEach((failure) => console.error(failure));
    return 1;
  }
  console.log(JSON.stringify({ frames: names.length, channels: [...channels].sort((a, b) => a - b) }));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  },
);
