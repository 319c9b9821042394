// The first-load budget of the drop-in build: what a page downloads before anyone clicks Join.
//
//   node scripts/size-budget.mjs [--dir dist/cdn] [--entry zoom-join.js] [--max-kb 16.1]
//
// First load = the entry plus every file it imports statically (followed through the built files themselves, so it
// measures what a browser fetches; dynamic imports are the lazy chunks of the join code). Each file is gzipped on
// its own (node:zlib, level 9), as a server sends it. Fails when the total is over budget or when SDK code is in any
// file: the SDK runs in the element's frame, loaded from the asset path, never from this build.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist/cdn' },
    entry: { type: 'string', default: 'zoom-join.js' },
    'max-kb': { type: 'string', default: '16.1' },
  },
});
const dir = resolve(root, values.dir);
const entry = join(dir, values.entry);
const budgetBytes = Number(values['max-kb']) * 1024;
const metafilePath = resolve(root, '.cache/cdn-metafile.json');

/**
 * Strings only the SDK's bundles contain (its webpack chunk global; React's internals, which its UMD builds carry).
 * Not the globals our own code looks for in the frame (`ReactWidgets`, `ZoomMtg`, `JsMediaSDK_Instance`).
 */
const sdkMarkers = ['webpackChunk_zoom_webclientjs', '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED'];
// A marker the installed SDK no longer contains (a new version, new names) would make the scan below pass vacuously.
const sdkDir = dirname(fileURLToPath(import.meta.resolve('@zoom/meetingsdk/package.json')));
const { version: sdkVersion } = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
const sdkBundle = readFileSync(join(sdkDir, `dist/zoom-meeting-${sdkVersion}.min.js`), 'utf8');
const staleMarkers = sdkMarkers.filter((marker) => !sdkBundle.includes(marker));
if (staleMarkers.length > 0) {
  console.error(`size-budget: the installed SDK no longer contains ${staleMarkers.join(', ')}: update sdkMarkers in scripts/size-budget.mjs`);
  process.exit(1);
}

if (!existsSync(entry)) {
  console.error(`size-budget: ${relative(root, entry)} does not exist; run npm run build first`);
  process.exit(1);
}

// esbuild walks the built files' static imports; dynamic imports stay external, so they are not part of the graph.
const graph = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  metafile: true,
  format: 'esm',
  logLevel: 'silent',
  plugins: [
    {
      name: 'lazy-chunks-are-not-first-load',
      setup(builder) {
        builder.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    },
  ],
});
const firstLoad = Object.keys(graph.metafile.inputs).map((input) => resolve(root, input));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;
const measure = (file) => {
  const buffer = readFileSync(file);
  return { file, name: relative(dir, file), raw: buffer.length, gz: gzipBytes(buffer), text: buffer.toString('utf8') };
};

const firstLoadFiles = firstLoad.map(measure);
const total = firstLoadFiles.reduce((sum, file) => ({ raw: sum.raw + file.raw, gz: sum.gz + file.gz }), { raw: 0, gz: 0 });

const allJs = [];
const walk = (folder) => {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js')) allJs.push(path);
  }
};
walk(dir);
const lazyFiles = allJs.filter((file) => !firstLoad.includes(file)).map(measure);

const row = (name, raw, gz) => `  ${name.padEnd(36)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(9)} gz`;
console.log(`first load of ${relative(root, entry)} (entry + static imports; gzip -9 per file):`);
for (const file of firstLoadFiles) console.log(row(file.name, file.raw, file.gz));
console.log(row('total', total.raw, total.gz) + `   budget ${kb(budgetBytes)} gz`);
console.log('not in the first load (fetched on join, or by a page that imports them):');
for (const file of lazyFiles.sort((a, b) => b.raw - a.raw)) console.log(row(file.name, file.raw, file.gz));

const failures = [];
for (const file of [...firstLoadFiles, ...lazyFiles]) {
  const found = sdkMarkers.filter((marker) => file.text.includes(marker));
  if (found.length > 0) failures.push(`SDK code in the build: ${file.name} contains ${found.join(', ')}`);
}
if (total.gz > budgetBytes) {
  failures.push(`first load is ${kb(total.gz)} gz, over the ${kb(budgetBytes)} budget by ${kb(total.gz - budgetBytes)}`);
  printContributors();
}

const fixed = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `RESULT first_load_gz_kb=${fixed(total.gz)} first_load_raw_kb=${fixed(total.raw)} budget_gz_kb=${fixed(budgetBytes)} ` +
    `lazy_total_gz_kb=${fixed(lazyFiles.reduce((sum, file) => sum + file.gz, 0))}`,
);
if (failures.length > 0) {
  console.error(`size-budget: FAIL\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('size-budget: ok');

/** Which sources make up the first load (minified bytes), from the metafile scripts/build-cdn.mjs left behind. */
function printContributors() {
  if (!existsSync(metafilePath)) return;
  const { outputs } = JSON.parse(readFileSync(metafilePath, 'utf8'));
  const contributions = new Map();
  for (const [path, output] of Object.entries(outputs)) {
    const file = resolve(root, path);
    const measured = firstLoadFiles.find((candidate) => candidate.file === file);
    // A metafile from another build would blame the wrong sources; sizes must match the files measured.
    if (!measured) continue;
    if (measured.raw !== output.bytes) return;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = input.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, 'node_modules/$1');
      contributions.set(key, (contributions.get(key) ?? 0) + bytesInOutput);
    }
  }
  const top = [...contributions].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log('largest parts of the first load (minified, before gzip):');
  for (const [input, bytes] of top) console.log(`  ${kb(bytes).padStart(9)}  ${input}`);
}
