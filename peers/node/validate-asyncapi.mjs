// Validates an AsyncAPI document with the official parser, @asyncapi/parser, and the official Avro
// schema parser, @asyncapi/avro-schema-parser.
//
//   node validate-asyncapi.mjs <file>
//
// Relative $refs resolve against the file's folder. The parser's AsyncAPI 3 ruleset parses message
// payloads of other schema formats but does not validate them (its AsyncAPI 2 ruleset does), so this
// script also runs the registered schema parser's own validation on every such payload, as the
// AsyncAPI 2 rule would.
//
// Prints every diagnostic (severity, code, path, message) to stderr and one summary line to stdout;
// exits 1 when any diagnostic is an error or the document cannot be parsed, 2 on wrong usage, else 0.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const SEVERITY = ['error', 'warning', 'information', 'hint'];
const ORIGINAL_PAYLOAD = 'x-parser-original-payload';

async function main(args) {
  if (args.length !== 1) {
    console.error('Usage: node validate-asyncapi.mjs <asyncapi file>');
    return 2;
  }
  const file = resolve(args[0]);
  const schemaParsers = [AvroSchemaParser()];
  const parser = new Parser();
  schemaParsers.forEach((schemaParser) => parser.registerSchemaParser(schemaParser));

  const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
  const all = [...diagnostics];
  if (document !== undefined && document.version().startsWith('3.')) {
    all.push(...await validatePayloads(document, schemaParsers));
  }

  for (const d of all) {
    const where = d.path && d.path.length ? d.path.join('/') : '(document)';
    console.error(`${SEVERITY[d.severity] ?? d.severity} ${d.code} at ${where}: ${d.message}`);
  }
  const errors = all.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  if (errors > 0 || document === undefined) {
    console.log(`INVALID ${file}: ${errors} error(s), ${all.length} diagnostic(s)`);
    return 1;
  }
  console.log(`VALID ${file}: AsyncAPI ${document.version()}, ${document.channels().length} channels,`
    + ` ${document.messages().length} messages (payloads validated), ${document.operations().length}`
    + ` operations, ${all.length} non-error diagnostic(s)`);
  return 0;
}

// Runs the schema parser registered for each message payload's schemaFormat on the payload as written
// (the parser keeps it under x-parser-original-payload after converting it).
async function validatePayloads(document, schemaParsers) {
  const found = [];
  for (const message of document.messages().all()) {
    const payload = message.json().payload;
    if (payload === undefined || payload[ORIGINAL_PAYLOAD] === undefined) {
      continue;
    }
    const format = payload.schemaFormat;
    const path = [...String(message.meta().pointer || `/messages/${message.id()}`).split('/').filter(Boolean),
      'payload', 'schema'];
    const schemaParser = schemaParsers.find((p) => p.getMimeTypes().includes(format));
    if (schemaParser === undefined) {
      found.push({ code: 'payload-schema-format', severity: DiagnosticSeverity.Error, path,
        message: `No schema parser validates the schemaFormat "${format}" of message ${message.id()}` });
      continue;
    }
    const results = await schemaParser.validate({
      asyncapi: document, data: payload[ORIGINAL_PAYLOAD], meta: { message: message.json() }, path,
      schemaFormat: format, defaultSchemaFormat: format,
    });
    for (const result of results || []) {
      found.push({ code: 'payload-schema', severity: DiagnosticSeverity.Error, path: result.path || path,
        message: `${message.id()}: ${result.message}` });
    }
  }
  return found;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    console.log('INVALID: the parser failed');
    process.exitCode = 1;
  },
);
