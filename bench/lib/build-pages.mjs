// Production bundles of the element and helpers for the benchmark pages, in .cache/bench/ (the SDK's CommonJS
// entries are replaced by the pre-bundled ESM copies from scripts/prebundle-sdk.mjs).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

export async function buildBenchPages() {
  execFileSync(process.execPath, ['scripts/prebundle-sdk.mjs'], { stdio: 'inherit' });
  await build({
    entryPoints: { 'zoom-join': 'src/index.ts', signature: 'bench/pages/signature.ts' },
    outdir: '.cache/bench',
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      '@zoom/meetingsdk/embedded': './.cache/sdk-esm/zoom-embedded.esm.js',
      '@zoom/meetingsdk': './.cache/sdk-esm/zoom-client.esm.js',
    },
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
  });
}
