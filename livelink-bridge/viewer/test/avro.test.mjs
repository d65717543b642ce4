// The page's Avro codec against avsc 5.7.9, the reference the schemas module's peer test uses: for every pinned
// payload schema, random values encode to avsc's bytes and decode to avsc's values; damaged frames fail cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import avsc from 'avsc';
import { AvroDecodeError, AvroEncodeError, compile } from '../src/avro.js';
import { goldenFrames, pinnedSchemas } from './support.mjs';

const VALUES_PER_SCHEMA = 300;

/** A value with bytes as plain arrays and records as plain objects, so avsc's and ours compare. */
function normal(value) {
  if (value instanceof Uint8Array) {
    return { bytes: Array.from(value) };
  }
  if (Array.isArray(value)) {
    return value.map(normal);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normal(item)]));
  }
  return value;
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

for (const [name, schema] of Object.entries(pinnedSchemas)) {
  test(`${name}: random values encode and decode exactly as avsc does`, () => {
    const reference = avsc.Type.forSchema(schema);
    const ours = compile(schema);
    for (let i = 0; i < VALUES_PER_SCHEMA; i++) {
      const value = reference.random();
      const expected = reference.toBuffer(value);

      const encoded = ours.encode(value);
      assert.equal(hex(encoded), hex(expected), `encoding ${JSON.stringify(normal(value))}`);
      const decoded = ours.decode(encoded);
      assert.equal(decoded.offset, expected.length);
      assert.deepEqual(normal(decoded.value), normal(reference.fromBuffer(expected)));
    }
  });
}

test('every golden frame reads as avsc reads it', async () => {
  for (const frame of await goldenFrames()) {
    const schema = pinnedSchemas[frame.record];
    const body = frame.bytes.subarray(1);
    assert.deepEqual(normal(compile(schema).decode(body).value),
      normal(avsc.Type.forSchema(schema).fromBuffer(Buffer.from(body))), frame.name);
  }
});

test('damaged golden frames either fail with a decode error or read as avsc reads them', async () => {
  // a fixed pseudo-random sequence, so a failure repeats
  let seed = 20260324;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (const frame of await goldenFrames()) {
    const schema = pinnedSchemas[frame.record];
    const ours = compile(schema);
    const reference = avsc.Type.forSchema(schema);
    for (let i = 0; i < 200; i++) {
      const body = Uint8Array.from(frame.bytes.subarray(1));
      for (let flips = 1 + (next() % 3); flips > 0; flips--) {
        body[next() % body.length] = next() % 256;
      }
      let decoded;
      try {
        decoded = ours.decode(body);
      } catch (error) {
        assert.ok(error instanceof AvroDecodeError, `${frame.name}: ${error.stack}`);
        continue;
      }
      const theirs = reference.decode(Buffer.from(body), 0);
      assert.equal(decoded.offset, theirs.offset, `${frame.name} ${hex(body)}`);
      assert.deepEqual(normal(decoded.value), normal(theirs.value), `${frame.name} ${hex(body)}`);
    }
  }
});

test('a length beyond the bytes left is refused before anything is read', () => {
  const strings = compile({ type: 'array', items: 'string' });
  // one string claiming 2^40 bytes
  assert.throws(() => strings.decode(Uint8Array.of(0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)),
    (error) => error instanceof AvroDecodeError && /does not fit/.test(error.message));
  // an array claiming a billion items
  assert.throws(() => strings.decode(Uint8Array.of(0x80, 0xa8, 0xd6, 0xb9, 0x07)),
    (error) => error instanceof AvroDecodeError && /does not fit/.test(error.message));
});

test('a long beyond 2^53 is refused rather than rounded', () => {
  const long = compile('long');
  assert.deepEqual(long.decode(Uint8Array.of(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1f)).value,
    Number.MAX_SAFE_INTEGER);
  assert.throws(() => long.decode(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20)), AvroDecodeError);
  assert.throws(() => long.encode(2 ** 53), AvroEncodeError);
});

test('an encode error names the path of the offending field', () => {
  const type = compile(pinnedSchemas['io.scenelog.model.SceneAction']);
  const action = {
    actionId: 'a', sceneId: 's', sessionId: null, clientId: 'c', token: '', clientSeq: 1, sentAt: 0, persist: true,
    operations: [{ 'io.scenelog.model.DeleteEntity': { entityId: 7, expectedVersion: null } }],
  };
  assert.throws(() => type.encode(action), (error) => error instanceof AvroEncodeError
    && error.path.join('.') === 'operations.0.entityId');
});

test('the codec generates no code (the page\'s policy forbids eval)', async () => {
  const source = await import('node:fs/promises').then((fs) => fs.readFile(new URL('../src/avro.js',
    import.meta.url), 'utf8'));
  assert.doesNotMatch(source.replace(/^\s*\/\/.*$/gm, ''), /new Function|\beval\s*\(/);
});
