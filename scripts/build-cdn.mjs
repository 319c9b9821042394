// dist/cdn/zoom-join.js: the drop-in build for `<script type="module" src=".../zoom-join.js">` without a bundler.
//
//   node scripts/build-cdn.mjs [--outdir dist/cdn]
//
// Lit and the element are bundled into the entry; the SDK's two CommonJS entries (reached only through dynamic
// `import()` in src/sdk/) become lazy chunks that the browser fetches relative to the entry's own URL when a user
// joins. The build fails if an SDK entry is not a separate lazy chunk or if SDK code is reachable from the first load.
// Its esbuild metafile goes to .cache/cdn-metafile.json, where scripts/size-budget.mjs finds what makes up the bytes.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/cdn' } } });
const outdir = resolve(root, values.outdir);
const metafilePath = resolve(root, '.cache/cdn-metafile.json');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const sdkVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/@zoom/meetingsdk/package.json'), 'utf8')).version;

/** The SDK entries src/sdk/ imports dynamically, as esbuild names them in the metafile. */
const lazySdkEntries = ['node_modules/@zoom/meetingsdk/embedded.js', 'node_modules/@zoom/meetingsdk/index.js'];
/** The SDK and the libraries its UMD builds bundle: none of it may be in the first load. */
const isSdkInput = (input) => /node_modules\/(@zoom|react|react-dom|scheduler|redux|react-redux|lodash)\//.test(input);

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'zoom-join': 'src/index.ts' },
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
  // The SDK's UMD builds branch on NODE_ENV (React's production build); nothing else of `process` is read.
  define: { 'process.env.NODE_ENV': '"production"' },
  chunkNames: 'chunks/[name]-[hash]',
  tsconfig: 'tsconfig.json',
  banner: { js: `/*! ${pkg.name} ${pkg.version} (${pkg.license}) with @zoom/meetingsdk ${sdkVersion} in lazy chunks */` },
  metafile: true,
  logLevel: 'warning',
  // The Client View's UMD has a direct eval; it runs only in its own lazy chunk.
  logOverride: { 'direct-eval': 'silent' },
});

mkdirSync(dirname(metafilePath), { recursive: true });
writeFileSync(metafilePath, JSON.stringify(result.metafile));

const outputs = result.metafile.outputs;
const name = (path) => relative(outdir, resolve(root, path));
const [entryPath] = Object.entries(outputs).find(([, output]) => output.entryPoint === 'src/index.ts') ?? [];
if (!entryPath) throw new Error('build-cdn: esbuild produced no output for src/index.ts');

const problems = [];

// Every SDK entry must be its own chunk, reached from the entry by a dynamic import only.
const dynamicTargets = new Set(outputs[entryPath].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
for (const sdkEntry of lazySdkEntries) {
  const chunk = Object.entries(outputs).find(([, output]) => output.entryPoint === sdkEntry);
  if (!chunk) problems.push(`${sdkEntry} is not a separate chunk`);
  else if (!dynamicTargets.has(chunk[0])) problems.push(`${name(chunk[0])} (${sdkEntry}) is not a dynamic import of the entry`);
}

// The first load: the entry and everything it imports statically.
const firstLoad = new Set();
const pending = [entryPath];
while (pending.length > 0) {
  const path = pending.pop();
  if (firstLoad.has(path)) continue;
  firstLoad.add(path);
  for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') pending.push(imported.path);
}
for (const path of firstLoad) {
  const sdkInputs = Object.keys(outputs[path].inputs).filter(isSdkInput);
  if (sdkInputs.length > 0) problems.push(`first-load file ${name(path)} contains SDK code: ${sdkInputs.slice(0, 3).join(', ')}`);
}

if (problems.length > 0) {
  console.error(`build-cdn: ${problems.join('\n  ')}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const lines = Object.entries(outputs)
  .filter(([path]) => path.endsWith('.js'))
  .map(([path, output]) => `  ${name(path).padEnd(34)} ${kb(output.bytes).padStart(10)}${firstLoad.has(path) ? '  (first load)' : ''}`);
console.log(`built ${relative(root, outdir)}/ in ${Date.now() - started} ms:\n${lines.join('\n')}`);
