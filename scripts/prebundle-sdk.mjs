// @web/test-runner cannot load the SDK's CommonJS entries ("module is not defined"), so the browser tests get an
// ESM copy of each view, bundled once with esbuild and cached under .cache/ (rebuilt when the SDK version changes).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sdkPackage = JSON.parse(readFileSync(`${root}node_modules/@zoom/meetingsdk/package.json`, 'utf8'));
const outDir = `${root}.cache/sdk-esm`;
const stampFile = `${outDir}/version.txt`;
const entries = { 'zoom-embedded.esm.js': 'embedded.js', 'zoom-client.esm.js': 'index.js' };

const upToDate =
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === sdkPackage.version &&
  Object.keys(entries).every((file) => existsSync(`${outDir}/${file}`));

if (!upToDate) {
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  for (const [outFile, entry] of Object.entries(entries)) {
    await build({
      entryPoints: [`${root}node_modules/@zoom/meetingsdk/${entry}`],
      bundle: true,
      format: 'esm',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: `${outDir}/${outFile}`,
      logLevel: 'error',
    });
  }
  writeFileSync(stampFile, sdkPackage.version);
  console.log(`pre-bundled @zoom/meetingsdk ${sdkPackage.version} for the browser tests in ${Date.now() - started} ms`);
}
