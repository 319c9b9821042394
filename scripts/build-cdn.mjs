// dist/cdn/zoom-join.js: the drop-in build for `<script type="module" src=".../zoom-join.js">` without a bundler.
//
//   node scripts/build-cdn.mjs [--outdir dist/cdn] [--entry src/cdn.ts]
//
// The entry is src/cdn.ts when it exists, else src/index.ts. src/index.ts re-exports `describeZoomError` and
// `inspectSignature`, whose tables would then be part of every page's first load; with src/cdn.ts (registers the
// element, exports the light API) the full API becomes a second entry, zoom-join-api.js, sharing chunks with the
// first and fetched only by pages that import it.
//
// Lit and the element are bundled into the entry; the join code is lazy chunks that the browser fetches relative to
// the entry's own URL when a preload or a join starts. The SDK is in none of it: the element loads the SDK's own
// files into its frame from the asset path. The build fails if SDK code is in any file.
// Its esbuild metafile goes to .cache/cdn-metafile.json, where scripts/size-budget.mjs finds what makes up the bytes.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/cdn' }, entry: { type: 'string' } } });
const outdir = resolve(root, values.outdir);
const entry = values.entry ?? (existsSync(resolve(root, 'src/cdn.ts')) ? 'src/cdn.ts' : 'src/index.ts');
const entryPoints = { 'zoom-join': entry, ...(resolve(root, entry) === resolve(root, 'src/index.ts') ? {} : { 'zoom-join-api': 'src/index.ts' }) };
const metafilePath = resolve(root, '.cache/cdn-metafile.json');

/** The SDK and the libraries its UMD builds bundle: none of it may be in the build. */
const isSdkInput = (input) => /node_modules\/(@zoom|react|react-dom|scheduler|redux|react-redux|lodash)\//.test(input);

/**
 * esbuild minifies code but not the text inside Lit's html`` and css`` templates; collapsing their whitespace
 * (indentation, line breaks) is safe for our templates (no <pre>, no whitespace-sensitive CSS strings) and keeps the
 * first load inside its budget. Only our own sources are touched.
 */
const minifyLitTemplates = {
  name: 'minify-lit-templates',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/\b(html|css)`([^`]*)`/g, (_match, tag, body) => {
        const collapsed = body
          .replace(/\n\s*/g, tag === 'html' ? ' ' : '')
          .replace(/>\s+</g, '><')
          .replace(/\s{2,}/g, ' ');
        return `${tag}\`${collapsed}\``;
      });
      return { contents, loader: 'ts' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  // Licence texts (Lit's, the SDK's) go to *.LEGAL.txt beside each file instead of into the first-load bytes.
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  tsconfig: 'tsconfig.json',
  metafile: true,
  logLevel: 'warning',
  plugins: [minifyLitTemplates],
});

mkdirSync(dirname(metafilePath), { recursive: true });
writeFileSync(metafilePath, JSON.stringify(result.metafile));

const outputs = result.metafile.outputs;
const name = (path) => relative(outdir, resolve(root, path));
const [entryPath] = Object.entries(outputs).find(([path]) => resolve(root, path) === join(outdir, 'zoom-join.js')) ?? [];
if (!entryPath) throw new Error(`build-cdn: esbuild produced no zoom-join.js for ${entry}`);

const problems = [];

// The first load: the entry and everything it imports statically.
const firstLoad = new Set();
const pending = [entryPath];
while (pending.length > 0) {
  const path = pending.pop();
  if (firstLoad.has(path)) continue;
  firstLoad.add(path);
  for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') pending.push(imported.path);
}
for (const [path, output] of Object.entries(outputs)) {
  const sdkInputs = Object.keys(output.inputs).filter(isSdkInput);
  if (sdkInputs.length > 0) problems.push(`${name(path)} contains SDK code: ${sdkInputs.slice(0, 3).join(', ')}`);
}

if (problems.length > 0) {
  console.error(`build-cdn: ${problems.join('\n  ')}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const lines = Object.entries(outputs)
  .filter(([path]) => path.endsWith('.js'))
  .map(([path, output]) => `  ${name(path).padEnd(34)} ${kb(output.bytes).padStart(10)}${firstLoad.has(path) ? '  (first load)' : ''}`);
console.log(`built ${relative(root, outdir)}/ from ${entry} in ${Date.now() - started} ms:\n${lines.join('\n')}`);
