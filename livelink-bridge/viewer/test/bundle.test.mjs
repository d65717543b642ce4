// The browser build: the codec bundled as the page bundles it (the pinned schemas from the schemas module, no Node
// built-ins) round-trips every golden frame, and the page's bundle holds no generated code for its
// Content-Security-Policy to block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { browserBuildOptions, build } from '../build.mjs';
import { goldenFrames } from './support.mjs';

const HERE = fileURLToPath(new URL('..', import.meta.url));

async function inTemporaryFolder(work) {
  const folder = await mkdtemp(join(tmpdir(), 'viewer-bundle-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

test('the browser bundle of the codec decodes and re-encodes every golden frame', () => inTemporaryFolder(
  async (work) => {
    const entry = join(work, 'entry.js');
    await writeFile(entry, [
      `import schemas from 'scenelog:pinned-schemas';`,
      `import { LivelinkCodec, Direction, channelById } from ${JSON.stringify(join(HERE, 'src/protocol.js'))};`,
      'export { Direction, channelById };',
      'export const codec = new LivelinkCodec(schemas);',
    ].join('\n'));
    const out = join(work, 'bundle.mjs');
    const result = await esbuild.build({ ...(await browserBuildOptions()), entryPoints: [entry], outfile: out,
      metafile: true, absWorkingDir: HERE });
    assert.deepEqual(Object.values(result.metafile.outputs)[0].imports, [], 'the bundle imports nothing');

    const { codec, Direction, channelById } = await import(pathToFileURL(out).href);
    for (const frame of await goldenFrames()) {
      const channel = channelById(frame.channelId);
      const direction = channel.direction === Direction.BOTH ? Direction.SERVER_TO_CLIENT : channel.direction;
      const decoded = codec.decode(frame.bytes, direction);
      assert.deepEqual([...codec.encode(decoded.channel, decoded.payload)], [...frame.bytes], frame.name);
    }
  }));

test('the page build writes its pages, hashed assets and the list of files to serve', () => inTemporaryFolder(
  async (out) => {
    const files = await build(out);

    const listed = (await readFile(join(out, 'files.txt'), 'utf8')).trim().split('\n');
    assert.deepEqual(listed, files);
    assert.deepEqual((await readdir(out)).filter((name) => name !== 'files.txt').sort(), files);
    const view = await readFile(join(out, 'view.html'), 'utf8');
    const script = /src="\/viewer\/(view-[A-Z0-9]+\.js)"/.exec(view)?.[1];
    assert.ok(script && files.includes(script), `view.html names its hashed script: ${view}`);
    assert.doesNotMatch(view, /\{\{/, 'every placeholder is filled');
    for (const name of files.filter((file) => file.endsWith('.js'))) {
      const code = await readFile(join(out, name), 'utf8');
      assert.doesNotMatch(code, /new Function|\beval\(/, `${name} generates code, which script-src 'self' blocks`);
    }
  }));
