// zoomSdkAssetsMiddleware when a file it found cannot be read: the server must answer and live on, whatever server
// it runs in (vite, vite preview, the user's own).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const fixture = fileURLToPath(new URL('./fixtures/serve-sdk-dist.ts', import.meta.url));
const NOBODY = 65534;

describe('zoomSdkAssetsMiddleware and a file it cannot read', () => {
  let dist = '';
  let child: ChildProcess;
  let origin = '';
  let exited: { code: number | null; signal: string | null } | undefined;
  let stderr = '';
  let bundleDir = '';

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'zoom-join-unreadable-'));
    chmodSync(dist, 0o755);
    mkdirSync(join(dist, 'lib'), { mode: 0o755 });
    mkdirSync(join(dist, 'lib', 'av'), { mode: 0o755 });
    writeFileSync(join(dist, 'lib', 'av', 'manifest.json'), '{}', { mode: 0o644 });
    writeFileSync(join(dist, 'lib', 'readable.js'), 'export {};\n', { mode: 0o644 });
    writeFileSync(join(dist, 'lib', 'unreadable.js'), 'export {};\n');
    chmodSync(join(dist, 'lib', 'unreadable.js'), 0o000);
    // chmod 000 does not stop root: as root, the server runs as nobody — from one bundled file in a folder nobody can
    // read, since the checkout may be private to root (a clone under /root).
    bundleDir = mkdtempSync(join(tmpdir(), 'zoom-join-serve-'));
    chmodSync(bundleDir, 0o755);
    const server = join(bundleDir, 'serve-sdk-dist.mjs');
    await build({
      entryPoints: [fixture],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: server,
      // The CommonJS dependencies it bundles require Node's modules.
      banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    chmodSync(server, 0o644);
    const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    child = spawn(process.execPath, [server, dist], { ...asNobody, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => (exited = { code, signal }));
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('exit', () => reject(new Error(`the server did not start: ${stderr}`)));
    });
    origin = `http://127.0.0.1:${port}`;
  });

  after(() => {
    child?.kill();
    rmSync(dist, { recursive: true, force: true });
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  it('answers a plain 500 and keeps serving', async () => {
    const response = await fetch(`${origin}/zoom-sdk/lib/unreadable.js`).catch((error: unknown) => error);
    assert.ok(response instanceof Response, `no answer (${String(response)}); the server: ${stderr.split('\n').slice(0, 6).join('\n')}`);
    const body = await response.text();
    assert.equal(response.status, 500);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.ok(body.length < 200 && !body.includes(dist), `a short answer without paths: ${body}`);
    const next = await fetch(`${origin}/zoom-sdk/lib/readable.js`);
    assert.equal(next.status, 200);
    assert.equal(await next.text(), 'export {};\n');
    assert.equal(exited, undefined, 'the server process is still running');
  });
});
