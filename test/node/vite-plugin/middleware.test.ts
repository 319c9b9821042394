// zoomSdkAssetsMiddleware in a plain Node server: aborted downloads, the sdkDist option's spelling, what it refuses
// to serve, and conditional and range requests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findSdkDist, zoomSdkAssetsMiddleware } from '../../../vite-plugin/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sdkDist = findSdkDist(repoRoot);
const CLIENT_BUNDLE = 'zoom-meeting-6.2.0.min.js';

async function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const middleware = zoomSdkAssetsMiddleware({ prefix: '/zoom-sdk', sdkDist: dist });
  const server = createServer((request, response) => {
    middleware(request, response, () => {
      response.statusCode = 418;
      response.end('next()');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server | undefined): Promise<void> {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

/**
 * A GET as a browser revalidating its cache sends it. Not fetch(): with a conditional header it also sends
 * `Cache-Control: no-cache`, which tells any server to answer in full.
 */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Starts a download, and drops the connection as soon as the headers are in. */
function abortedDownload(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      assert.equal(response.statusCode, 200);
      request.destroy();
      resolve();
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
  });
}

describe('zoomSdkAssetsMiddleware on the installed SDK', () => {
  let server: Server;
  let origin = '';
  before(async () => ({ server, origin } = await serve(sdkDist)));
  after(() => close(server));

  it('releases the file of every aborted download (300 aborted Client View bundles)', async () => {
    await abortedDownload(`${origin}/zoom-sdk/${CLIENT_BUNDLE}`);
    await sleep(200);
    const before = openFds();
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => abortedDownload(`${origin}/zoom-sdk/${CLIENT_BUNDLE}`)));
    }
    // Sockets close asynchronously: give them a moment, then the count must be back near where it was.
    let now = openFds();
    for (let wait = 0; wait < 40 && now > before + 10; wait++) {
      await sleep(100);
      now = openFds();
    }
    assert.ok(now <= before + 10, `open file descriptors: ${before} before, ${now} after 300 aborted downloads`);
  });

  it('answers If-Modified-Since and If-None-Match with 304', async () => {
    const url = `${origin}/zoom-sdk/lib/av/js_media.min.js`;
    const first = await rawGet(url);
    const lastModified = first.headers['last-modified'];
    const etag = first.headers.etag;
    assert.equal(typeof lastModified, 'string', 'Last-Modified');
    assert.equal(typeof etag, 'string', 'ETag');
    const byDate = await rawGet(url, { 'If-Modified-Since': String(lastModified) });
    assert.equal(byDate.status, 304);
    assert.equal(byDate.body.byteLength, 0);
    const byTag = await rawGet(url, { 'If-None-Match': String(etag) });
    assert.equal(byTag.status, 304);
    const stale = await rawGet(url, { 'If-None-Match': '"something-else"' });
    assert.equal(stale.status, 200);
    assert.equal(stale.body.byteLength, first.body.byteLength);
  });

  it('answers a single byte range with 206 and Content-Range, an unsatisfiable one with 416', async () => {
    const url = `${origin}/zoom-sdk/lib/av/video.simd.wasm`;
    const size = statSync(join(sdkDist, 'lib/av/video.simd.wasm')).size;
    const part = await fetch(url, { headers: { Range: 'bytes=0-9' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-9/${size}`);
    assert.equal(part.headers.get('content-type'), 'application/wasm');
    assert.equal((await part.arrayBuffer()).byteLength, 10);
    const tail = await fetch(url, { headers: { Range: 'bytes=-4' } });
    assert.equal(tail.status, 206);
    assert.equal(tail.headers.get('content-range'), `bytes ${size - 4}-${size - 1}/${size}`);
    await tail.arrayBuffer();
    const beyond = await fetch(url, { headers: { Range: `bytes=${size}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${size}`);
    await beyond.arrayBuffer();
  });

  it('keeps its headers: MIME type, CORP, CORS, cache lifetime, HEAD without a body', async () => {
    const response = await fetch(`${origin}/zoom-sdk/lib/av/js_media.min.js`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=3600/);
    assert.equal(response.headers.get('content-length'), String(statSync(join(sdkDist, 'lib/av/js_media.min.js')).size));
  });

  it('leaves other paths and methods to the next handler', async () => {
    assert.equal((await fetch(`${origin}/elsewhere/x.js`)).status, 418);
    assert.equal((await fetch(`${origin}/zoom-sdk/lib/av/js_media.min.js`, { method: 'POST' })).status, 418);
  });
});

describe('zoomSdkAssetsMiddleware and the spelling of sdkDist', () => {
  it('serves files when sdkDist ends with a slash', async () => {
    const { server, origin } = await serve(`${sdkDist}/`);
    try {
      const response = await fetch(`${origin}/zoom-sdk/lib/av/manifest.json`);
      await response.arrayBuffer();
      assert.equal(response.status, 200);
    } finally {
      await close(server);
    }
  });

  it('serves files when sdkDist is relative', async () => {
    const { server, origin } = await serve('node_modules/@zoom/meetingsdk/dist');
    try {
      const response = await fetch(`${origin}/zoom-sdk/lib/av/manifest.json`);
      await response.arrayBuffer();
      assert.equal(response.status, 200);
    } finally {
      await close(server);
    }
  });
});

describe('zoomSdkAssetsMiddleware on an incomplete SDK folder', () => {
  it('answers a plain 500 naming the fix when lib/av/manifest.json is missing, and keeps running', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'zoom-join-no-manifest-'));
    writeFileSync(join(dist, 'zoomus-websdk-embedded.umd.min.js'), '');
    const { server, origin } = await serve(dist);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await fetch(`${origin}/zoom-sdk/zoomus-websdk-embedded.umd.min.js`);
        assert.equal(response.status, 500);
        assert.match(await response.text(), /reinstall @zoom\/meetingsdk/);
      }
    } finally {
      await close(server);
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('zoomSdkAssetsMiddleware refuses what is not the SDK', () => {
  let scratch = '';
  let server: Server;
  let origin = '';

  before(async () => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'zoom-join-containment-')));
    const dist = join(scratch, 'dist');
    mkdirSync(join(dist, 'lib', 'av'), { recursive: true });
    mkdirSync(join(scratch, 'outside'));
    writeFileSync(join(dist, 'lib', 'av', 'ok.js'), 'ok');
    writeFileSync(join(dist, 'lib', 'av', 'manifest.json'), JSON.stringify({ 'ok.js': { size: 2 } }));
    writeFileSync(join(scratch, 'outside', 'secret.txt'), 'TOP-SECRET');
    writeFileSync(join(dist, '.env'), 'TOP-SECRET');
    mkdirSync(join(dist, '.git'));
    writeFileSync(join(dist, '.git', 'config'), 'TOP-SECRET');
    writeFileSync(join(dist, 'lib', '.hidden.js'), 'TOP-SECRET');
    symlinkSync(join(scratch, 'outside', 'secret.txt'), join(dist, 'lib', 'leak.js'));
    symlinkSync(join(scratch, 'outside'), join(dist, 'lib', 'leakdir'));
    symlinkSync('/etc/passwd', join(dist, 'lib', 'passwd.js'));
    symlinkSync(join(dist, 'lib', 'av', 'ok.js'), join(dist, 'lib', 'alias.js'));
    // The SDK reached through a symlinked folder (pnpm, npm link) is still the SDK.
    symlinkSync(dist, join(scratch, 'linked-dist'));
    ({ server, origin } = await serve(join(scratch, 'linked-dist')));
  });

  after(async () => {
    await close(server);
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const path of ['lib/leak.js', 'lib/leakdir/secret.txt', 'lib/passwd.js', '.env', '.git/config', 'lib/.hidden.js']) {
    it(`answers 404 for ${path}`, async () => {
      const response = await fetch(`${origin}/zoom-sdk/${path}`);
      const body = await response.text();
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
      assert.ok(!body.includes('TOP-SECRET') && !body.includes('root:'), body);
      assert.ok(!body.includes(scratch), 'no absolute path');
    });
  }

  it('answers 404 for an encoded ../ that leads out of the folder', async () => {
    // Raw, not fetch(): the WHATWG URL parser would resolve the dot segments before the request is sent.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${origin}/zoom-sdk/lib/..%2f..%2f..%2foutside/secret.txt`, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    assert.equal(status, 404);
  });

  it('serves a symlink that stays inside the folder, and the folder reached through a symlink', async () => {
    for (const path of ['lib/alias.js', 'lib/av/ok.js']) {
      const response = await fetch(`${origin}/zoom-sdk/${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(await response.text(), 'ok');
    }
  });
});
