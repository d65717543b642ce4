// Shared by the page's Node tests: the pinned schemas and the golden frames of the schemas module.

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readPinnedSchemas } from '../tools/pinned-schemas.mjs';

export const GOLDEN_FOLDER = fileURLToPath(new URL('../../../schemas/src/test/resources/livelink/golden/',
  import.meta.url));

export const pinnedSchemas = await readPinnedSchemas();

/**
 * Every golden frame: its file name, bytes, and the channel id and payload record its header line names
 * ("... channel hello (id 1), payload io.scenelog.livelink.Hello, 111 bytes.").
 */
export async function goldenFrames() {
  const names = (await readdir(GOLDEN_FOLDER)).filter((name) => name.endsWith('.hex')).sort();
  const frames = [];
  for (const name of names) {
    const text = await readFile(join(GOLDEN_FOLDER, name), 'utf8');
    const lines = text.split('\n');
    const header = lines.find((line) => line.startsWith('#') && line.includes('payload '));
    const match = /channel ([\w-]+) \(id (\d+)\), payload ([\w.]+)/.exec(header ?? '');
    if (!match) {
      throw new Error(`${name} has no "channel <name> (id <n>), payload <record>" header line`);
    }
    const hex = lines.filter((line) => !line.startsWith('#')).join('').replace(/\s/g, '');
    frames.push({
      name,
      channelName: match[1],
      channelId: Number(match[2]),
      record: match[3],
      bytes: Uint8Array.from(Buffer.from(hex, 'hex')),
    });
  }
  if (frames.length === 0) {
    throw new Error(`no golden frames in ${GOLDEN_FOLDER}`);
  }
  return frames;
}

/** Deep copy through JSON-safe values, Buffers as arrays, for comparing decoded payloads. */
export function plain(value) {
  return JSON.parse(JSON.stringify(value, (key, item) => (item && item.type === 'Buffer' ? item.data : item)));
}
