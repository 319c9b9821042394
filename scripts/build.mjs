// npm run build: the browser library (Vite, library mode), its .d.ts (tsc), the Node signature server (tsc) and the
// zoom-join CLI (esbuild).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
await build({ configFile: 'vite.lib.config.ts', logLevel: 'warn' });
const tsc = ['node_modules/typescript/bin/tsc'];
execFileSync(process.execPath, [...tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(process.execPath, [...tsc, '-p', 'tsconfig.vite-plugin.json'], { stdio: 'inherit' });
if (existsSync('server')) {
  execFileSync(process.execPath, [...tsc, '-p', 'tsconfig.server.json'], { stdio: 'inherit' });
  if (existsSync('dist/server/cli.js')) chmodSync('dist/server/cli.js', 0o755);
}
if (existsSync('doctor/cli.ts')) {
  // One file, because the CLI runs the page's own checks from src/, which Vite bundles for browsers and no tsc build
  // emits for Node. Package dependencies (jose, valibot) stay imports, resolved like the rest of dist/.
  await esbuild({
    entryPoints: ['doctor/cli.ts'],
    outfile: 'dist/doctor/cli.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  chmodSync('dist/doctor/cli.js', 0o755);
}
// The drop-in bundle (dist/cdn/) and custom-elements.json; neither depends on the steps above.
execFileSync(process.execPath, ['scripts/build-cdn.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/build-manifest.mjs'], { stdio: 'inherit' });
console.log('built dist/');
