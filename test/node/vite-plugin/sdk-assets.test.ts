// zoom-join/vite on a real Vite dev server: what it answers for requests under its prefix that it cannot serve.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDevServer, type DevServer } from './dev-server.js';
import { findSdkDist, zoomSdkAssets } from '../../../vite-plugin/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('zoom-join/vite on a Vite dev server', () => {
  let server: DevServer;
  let origin = '';

  before(async () => {
  // Spelt with a trailing slash, as a config often spells a folder: it names the same folder.
    server = await startDevServer([zoomSdkAssets({ sdkDist: `${findSdkDist(repoRoot)}/` })]);
    origin = server.origin;
  });

  after(() => server?.close());

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
      assert.ok(!body.includes(repoRoot) && !body.includes(server.root), 'no absolute path');
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
