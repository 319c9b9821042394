// zoom-join/vite on a real Vite dev server: what it answers for requests under its prefix that it cannot serve.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { findSdkDist, zoomSdkAssets } from '../../../vite-plugin/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('zoom-join/vite on a Vite dev server', () => {
  let server: ViteDevServer;
  let origin = '';
  let root = '';

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'zoom-join-vite-'));
    server = await createServer({
      configFile: false,
      root,
      cacheDir: join(root, '.vite'),
      logLevel: 'silent',
      clearScreen: false,
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, hmr: false, ws: false, watch: null },
      // Spelt with a trailing slash, as a config often spells a folder: it names the same folder.
      plugins: [zoomSdkAssets({ sdkDist: `${findSdkDist(repoRoot)}/` })],
    });
    await server.listen();
    const address = server.httpServer?.address() as AddressInfo;
    origin = `http://127.0.0.1:${address.port}`;
  });

  after(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the SDK files (the plugin is in place), with sdkDist ending in a slash', async () => {
    const response = await fetch(`${origin}/zoom-sdk/lib/av/manifest.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    await response.arrayBuffer();
  });

  for (const path of ['/zoom-sdk/%E0%A4%A', '/zoom-sdk/lib/%', '/zoom-sdk/lib/av/%ZZjs_media.min.js']) {
    it(`answers a malformed percent-encoding (${path}) with a short plain 400, no stack, no file paths`, async () => {
      const response = await fetch(`${origin}${path}`);
      const body = await response.text();
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(body.length < 200, `a short answer, got ${body.length} characters`);
      assert.doesNotMatch(body, /\bat\s|node_modules|URIError/);
      assert.ok(!body.includes(repoRoot) && !body.includes(root), 'no absolute path');
    });
  }

  it('sends nosniff with its 404s', async () => {
    const response = await fetch(`${origin}/zoom-sdk/lib/av/no-such-file.js`);
    await response.text();
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });
});
