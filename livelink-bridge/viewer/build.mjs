// Bundles the viewer page into the bridge's classpath: `node build.mjs [--out <folder>]` (Maven runs it in
// generate-resources with --out target/classes/io/scenelog/bridge/viewer/static).
//
// Output: index.html and view.html (the templates of pages/ with the hashed asset names filled in), the hashed
// start-*.js, view-*.js and style-*.css with their source maps, and files.txt, the list of every file served (the
// bridge serves nothing else). The pinned Livelink v1 schemas are bundled from the schemas module as the module
// `scenelog:pinned-schemas`, never copied by hand.

import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPinnedSchemas } from './tools/pinned-schemas.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_OUT = resolve(HERE, '../target/classes/io/scenelog/bridge/viewer/static');
const PAGES = ['index.html', 'view.html'];
const ENTRIES = { start: 'src/start.js', view: 'src/view.js', style: 'src/style.css' };

/** The browser builds (the newest two years of evergreen browsers have WebCodecs and everything else used). */
export const BROWSER_TARGETS = ['chrome110', 'firefox115', 'safari16.4', 'edge110'];

async function loadEsbuild() {
  if (!existsSync(join(HERE, 'node_modules', 'esbuild'))) {
    throw new Error(`the viewer's npm packages are not installed (${join(HERE, 'node_modules')} lacks esbuild): `
      + 'run scripts/bootstrap.sh (it runs npm ci in livelink-bridge/viewer)');
  }
  return import('esbuild');
}

/** The esbuild options every browser build of the page's modules shares: the pinned schemas as a module. */
export async function browserBuildOptions() {
  const schemas = await readPinnedSchemas();
  return {
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: BROWSER_TARGETS,
    logLevel: 'warning',
    plugins: [{
      name: 'scenelog-pinned-schemas',
      setup(build) {
        build.onResolve({ filter: /^scenelog:pinned-schemas$/ }, (args) => ({ path: args.path, namespace: 'pinned' }));
        build.onLoad({ filter: /.*/, namespace: 'pinned' }, () => ({ contents: JSON.stringify(schemas), loader: 'json' }));
      },
    }],
  };
}

/** Builds the page into `out` (emptied first); returns the names of the files written. */
export async function build(out = DEFAULT_OUT) {
  const esbuild = await loadEsbuild();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const result = await esbuild.build({
    ...(await browserBuildOptions()),
    absWorkingDir: HERE,
    entryPoints: ENTRIES,
    outdir: out,
    entryNames: '[name]-[hash]',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
  });
  const assets = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const entry = output.entryPoint && Object.entries(ENTRIES).find(([, source]) => source === output.entryPoint);
    if (entry) {
      assets[`${entry[0]}${file.endsWith('.css') ? '.css' : '.js'}`] = basename(file);
    }
  }
  const signin = (await readFile(join(HERE, 'pages', 'signin.html'), 'utf8')).trim();
  for (const page of PAGES) {
    const template = await readFile(join(HERE, 'pages', page), 'utf8');
    const html = template.replace(/\{\{([\w.]+)\}\}/g, (match, key) => {
      if (key === 'signin') {
        return signin;
      }
      if (assets[key] === undefined) {
        throw new Error(`pages/${page} names {{${key}}}, which the build does not produce`);
      }
      return assets[key];
    });
    await writeFile(join(out, page), html);
  }
  const files = [...PAGES, ...Object.keys(result.metafile.outputs).map((file) => basename(file))].sort();
  await writeFile(join(out, 'files.txt'), `${files.join('\n')}\n`);
  return files;
}

function outFromArguments(args) {
  const index = args.indexOf('--out');
  if (index === -1) {
    return DEFAULT_OUT;
  }
  if (!args[index + 1]) {
    throw new Error('usage: node build.mjs [--out <folder>]');
  }
  return resolve(args[index + 1]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = outFromArguments(process.argv.slice(2));
  build(out).then(
    (files) => console.log(`viewer: built ${files.length} files into ${out}`),
    (error) => {
      console.error(`viewer: build failed: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
