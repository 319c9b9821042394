// Join click → the SDK's `wc/info` request, Component View, production build, self-hosted SDK files:
//   (a) raw:       Zoom's sample flow (createClient, init, join on click), nothing ahead of the click;
//   (b) preloaded: this library's asset check + plan + preload + js_media warm-up first (idle strategy), then the
//                  same join. The asset modules are driven directly in the page (bench/pages/join-latency.ts).
//   (c) preload-only: (b) without the warm-up, reported for information (not in the RESULT line).
//   The element's runs also print its own `zoom-join:<phase>` User Timing measures, and their medians.
// Headless Chromium through playwright-core, CDP network emulation 20 Mbit/s down / 40 ms, a fresh browser context
// per run, runs interleaved a/b, each after the page settled ≥ 3 s. zoom.us is unreachable: the join fails after
// wc/info (-3000), which is where the measurement stops anyway.
// Last line: `RESULT raw_ms=... preloaded_ms=... ratio=... double_bytes=...` (ratio = raw / preloaded).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT_DIR = join(ROOT, '.cache', 'bench-join-latency');
const SDK_DIST = join(ROOT, 'node_modules', '@zoom', 'meetingsdk', 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SETTLE_MS = 3000;
const THROUGHPUT_BYTES_PER_S = (20 * 1000 * 1000) / 8;
const LATENCY_MS = 40;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.bin': 'application/octet-stream',
};

async function buildPage() {
  const started = Date.now();
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'pages'),
    base: '/',
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rollupOptions: { input: join(ROOT, 'bench', 'pages', 'join-latency.html') },
    },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return Date.now() - started;
}

/** Serves the build and the SDK's dist/ under /zoom-sdk/ with cacheable headers (a `no-cache` here would turn
 * every cache hit into a 304 round trip and hide what preloading saves). */
function startServer() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [root, relative, cacheControl] = path.startsWith('/zoom-sdk/')
      ? [SDK_DIST, path.slice('/zoom-sdk/'.length), 'public, max-age=3600']
      : path.startsWith('/assets/')
        ? [OUT_DIR, path.slice(1), 'public, max-age=31536000, immutable']
        : [OUT_DIR, path === '/' ? 'join-latency.html' : path.slice(1), 'public, max-age=60'];
    const file = normalize(join(root, relative));
    if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const stats = statSync(file);
    response.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(stats.size),
      'Cache-Control': cacheControl,
      'Last-Modified': stats.mtime.toUTCString(),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Per URL, the bytes of every response that came from the network (not memory/disk cache, not a 304). */
function trackDownloads(cdp) {
  const urls = new Map();
  const fromCache = new Set();
  const loads = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url));
  cdp.on('Network.requestServedFromCache', ({ requestId }) => fromCache.add(requestId));
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker || response.status === 304) {
      fromCache.add(requestId);
    }
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const url = urls.get(requestId);
    if (!url || !url.startsWith('http') || fromCache.has(requestId) || encodedDataLength <= 0) return;
    loads.set(url, [...(loads.get(url) ?? []), encodedDataLength]);
  });
  return () => {
    let doubleBytes = 0;
    const doubled = [];
    for (const [url, sizes] of loads) {
      if (sizes.length < 2) continue;
      const extra = sizes.slice(1).reduce((sum, size) => sum + size, 0);
      doubleBytes += extra;
      doubled.push(`${new URL(url).pathname} ×${sizes.length}`);
    }
    const total = [...loads.values()].flat().reduce((sum, size) => sum + size, 0);
    return { doubleBytes, doubled, totalBytes: total };
  };
}

async function runOnce(browser, origin, mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: THROUGHPUT_BYTES_PER_S,
    uploadThroughput: THROUGHPUT_BYTES_PER_S,
  });
  const downloads = trackDownloads(cdp);
  let wcInfoAt;
  page.on('request', (request) => {
    if (wcInfoAt === undefined && request.url().includes('/wc/info')) wcInfoAt = Date.now();
  });
  try {
    const loadStarted = Date.now();
    await page.goto(`${origin}/join-latency.html?mode=${mode}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.ready === true, null, { timeout: 120000 });
    const readyMs = Date.now() - loadStarted;
    await page.waitForTimeout(SETTLE_MS);
    await page.click('#join');
    await page.waitForFunction(() => window.__bench.joinResult !== undefined, null, { timeout: 30000 }).catch(() => undefined);
    const info = await page.evaluate(() => window.__bench);
    if (wcInfoAt === undefined) throw new Error(`no wc/info request (${mode}): ${JSON.stringify(info)}`);
    return { mode, ms: wcInfoAt - info.clickedAt, readyMs, info, ...downloads() };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

const buildMs = await buildPage();
console.log(`built bench/pages into .cache/bench-join-latency in ${buildMs} ms (vite, production)`);
const server = await startServer();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

const results = { raw: [], element: [], preloaded: [], 'preload-only': [] };
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const mode of ['raw', 'element', 'preloaded', 'preload-only']) {
      const result = await runOnce(browser, origin, mode);
      results[mode].push(result);
      const phases = result.info.phases ? ` | phases ${Object.entries(result.info.phases).map(([name, ms]) => `${name} ${ms}`).join(', ')} ms` : '';
      const extra =
        phases +
        (mode === 'preloaded' || mode === 'preload-only'
          ? ` | preload ${Math.round(result.info.preloadMs)} ms, ${result.info.preloadFiles} files ${mb(result.info.preloadBytes)}` +
            (result.info.warmMs !== undefined ? `, warm ${Math.round(result.info.warmMs)} ms` : '') +
            (result.info.warmHeapDeltaBytes !== undefined ? ` heap +${mb(result.info.warmHeapDeltaBytes)}` : '') +
            (result.info.error ? ` ERROR ${result.info.error}` : '')
          : '');
      console.log(
        `run ${run} ${mode.padEnd(12)} click→wc/info ${String(result.ms).padStart(5)} ms | page ready ${result.readyMs} ms | ` +
          `network ${mb(result.totalBytes)}, twice ${result.doubleBytes} B${result.doubled.length ? ` (${result.doubled.join(', ')})` : ''} | join: ${result.info.joinResult}${extra}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}

const rawMs = median(results.raw.map((result) => result.ms));
const elementMs = median(results.element.map((result) => result.ms));
const modulesMs = median(results.preloaded.map((result) => result.ms));
const preloadOnlyMs = median(results['preload-only'].map((result) => result.ms));
const doubleBytes = Object.values(results).flat().reduce((sum, result) => sum + result.doubleBytes, 0);
console.log(
  `median click→wc/info: raw ${rawMs} ms, <zoom-join preload=idle> ${elementMs} ms, asset modules preloaded+warmed ` +
    `${modulesMs} ms, preload only ${preloadOnlyMs} ms; raw/element ${(rawMs / elementMs).toFixed(2)}×, ` +
    `raw/modules ${(rawMs / modulesMs).toFixed(2)}×, raw/preload-only ${(rawMs / preloadOnlyMs).toFixed(2)}×`,
);
const phaseNames = [...new Set(results.element.flatMap((result) => Object.keys(result.info.phases ?? {})))];
console.log(
  `element phases, median ms of its zoom-join:<phase> measures: ` +
    phaseNames.map((name) => `${name} ${median(results.element.map((result) => result.info.phases?.[name] ?? 0))}`).join(', '),
);
console.log(`bytes downloaded twice (same URL from the network twice in one run), all runs: ${doubleBytes}`);
console.log(
  `RESULT raw_ms=${rawMs} preloaded_ms=${elementMs} ratio=${(rawMs / elementMs).toFixed(2)} double_bytes=${doubleBytes} ` +
    `modules_ms=${modulesMs} preload_only_ms=${preloadOnlyMs}`,
);
