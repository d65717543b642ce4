// Reads the pinned Livelink payload schemas of one protocol version from the schemas module
// (schemas/src/main/resources/io/scenelog/schemas/livelink/v<N>/<full name>.avsc), keyed by full record name.
// build.mjs bundles them into the page; the tests read them the same way.

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PINNED_PROTOCOL_VERSION = 1;

/** The folder of a pinned version in this repository. */
export function pinnedFolder(version = PINNED_PROTOCOL_VERSION) {
  return fileURLToPath(new URL(
    `../../../schemas/src/main/resources/io/scenelog/schemas/livelink/v${version}/`, import.meta.url));
}

/** {"io.scenelog.livelink.Hello": schema, ...}; each file's name must be its record's full name. */
export async function readPinnedSchemas(folder = pinnedFolder()) {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.avsc')).sort();
  if (names.length === 0) {
    throw new Error(`no pinned Livelink schemas (*.avsc) in ${folder}`);
  }
  const schemas = {};
  for (const name of names) {
    const schema = JSON.parse(await readFile(join(folder, name), 'utf8'));
    const fullName = schema.namespace ? `${schema.namespace}.${schema.name}` : schema.name;
    if (`${fullName}.avsc` !== name) {
      throw new Error(`${join(folder, name)} holds ${fullName}; a pinned schema file is named for its record`);
    }
    schemas[fullName] = schema;
  }
  return schemas;
}
