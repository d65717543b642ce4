// The page's small pure helpers: rotations, colours, credential fragments, rejection texts, actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorFromHex, eulerDegreesFromQuat, hexFromColor, quatFromEulerDegrees } from '../src/math.js';
import { parseFragment, unverifiedClaims } from '../src/credentials.js';
import { rejectionText } from '../src/ui/results.js';
import { ActionBook, createBox, deleteEntity, updateComponents } from '../src/actions.js';
import { Channel, Direction, LivelinkCodec, branchOf } from '../src/protocol.js';
import { pinnedSchemas } from './support.mjs';

const close = (actual, expected, what) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}`);

test('Euler degrees survive the round trip through a quaternion', () => {
  for (const angles of [{ x: 0, y: 0, z: 0 }, { x: 30, y: -45, z: 120 }, { x: -170, y: 89, z: 10 }]) {
    const back = eulerDegreesFromQuat(quatFromEulerDegrees(angles));
    for (const axis of ['x', 'y', 'z']) {
      close(back[axis], angles[axis], `${JSON.stringify(angles)} ${axis}`);
    }
  }
});

test('a quarter turn about y is the expected unit quaternion', () => {
  const q = quatFromEulerDegrees({ x: 0, y: 90, z: 0 });
  close(q.y, Math.SQRT1_2, 'y');
  close(q.w, Math.SQRT1_2, 'w');
  close(q.x, 0, 'x');
  close(q.z, 0, 'z');
});

test('colours go to hex and back', () => {
  assert.equal(hexFromColor({ r: 1, g: 0.5, b: 0 }), '#ff8000');
  assert.deepEqual(colorFromHex('#ff0080', 0.5), { r: 1, g: 0, b: 128 / 255, a: 0.5 });
});

test('credentials come from #key= or #token=, nothing else', () => {
  assert.deepEqual(parseFragment('#key=slk_abc'), { apiKey: 'slk_abc' });
  assert.deepEqual(parseFragment('#token=eyJ.x.y'), { token: 'eyJ.x.y' });
  assert.equal(parseFragment('#section-2'), null);
  assert.equal(parseFragment(''), null);
});

test('the role claim of a token is read for defaults, and garbage gives no claims', () => {
  const payload = Buffer.from(JSON.stringify({ sub: 'c', role: 'viewer' })).toString('base64url');
  assert.equal(unverifiedClaims(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`).role, 'viewer');
  assert.deepEqual(unverifiedClaims('not a token'), {});
});

test('a viewer\'s persist rejection says why and what to do', () => {
  const text = rejectionText({ reason: 'FORBIDDEN_PERSIST',
    message: "client 'c' is a viewer and may only send transient actions (persist=false)" });
  assert.match(text, /^FORBIDDEN_PERSIST: client 'c' is a viewer/);
  assert.match(text, /viewers may only make transient changes/i);
});

test('actions carry the welcome\'s ids, count clientSeq from 1 and encode with the pinned schema', () => {
  const codec = new LivelinkCodec(pinnedSchemas);
  let id = 0;
  const book = new ActionBook({ sceneId: '5c3e1d2a-0000-4000-8000-000000000001',
    sessionId: '5e551017-0000-4000-8000-000000000002', clientId: 'me' },
  { now: () => 5, newId: () => `ac000000-0000-4000-8000-00000000000${++id}` });
  const entityId = 'e0000000-0000-4000-8000-000000000003';

  const create = book.create([createBox(entityId, 'box', { x: 1, y: 2, z: 3 })], { persist: true, origin: 'create' });
  const move = book.create([updateComponents(entityId, { name: 'renamed' })], { persist: false, origin: 'name' });
  const remove = book.create([deleteEntity(entityId)], { persist: true, origin: 'delete' });

  assert.deepEqual([create, move, remove].map((action) => action.clientSeq), [1, 2, 3]);
  for (const action of [create, move, remove]) {
    const { payload } = codec.decode(codec.encode(Channel.ACTION, action), Direction.CLIENT_TO_SERVER);
    assert.equal(payload.clientId, 'me');
    assert.equal(payload.token, '');
  }
  assert.equal(branchOf(create.operations[0]).value.components.mesh.primitive, 'CUBE');
  assert.equal(book.settle({ actionId: move.actionId }).origin, 'name');
  assert.deepEqual(book.unanswered().map((action) => action.clientSeq), [1, 3]);
  assert.equal(book.settle({ actionId: move.actionId }), undefined);
});
