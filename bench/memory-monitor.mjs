// Benchmark of the memory monitor (src/memory/) in headless Chromium.
//
// 1. CPU cost at the default settings (2 s interval, 20 s window): three pages side by side for OVERHEAD_S —
//    a baseline page (same bundle, monitor not started), a page running the monitor on performance.memory, and a
//    cross-origin isolated page where it runs on measureUserAgentSpecificMemory(). Cost = CDP TaskDuration of the
//    page minus the baseline's, over wall time (% of one core); also the time spent inside the monitor's own
//    callbacks, measured in the page.
// 2. Detection latency for real leaks (arrays retained on a timer) of 2, 10 and 50 MB/s, from the moment the
//    20 s window fills to the growth warning. 10 and 50 MB/s use the default limit (5 MB/s); 2 MB/s is under it
//    by design, so that run sets memory-growth-limit to 1 MB/s.
// Each page gets its own browser context so that it has its own renderer process (and its own TaskDuration).
// Last line: `RESULT overhead_pct=... detect_2mbps_s=... detect_10mbps_s=... detect_50mbps_s=...`.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OVERHEAD_S = Number(process.env.BENCH_OVERHEAD_S ?? 45);
const SETTLE_MS = 3000;
const WINDOW_MS = 20_000;
const MB = 1024 * 1024;
const LEAKS = [
  { mbps: 2, limitMbps: 1, isolated: false },
  { mbps: 10, limitMbps: 5, isolated: false },
  { mbps: 50, limitMbps: 5, isolated: false },
  // The isolated page's sampler resolves at the collector's pace, not every interval; worth seeing.
  { mbps: 10, limitMbps: 5, isolated: true },
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value, digits = 2) => (value === null || !Number.isFinite(value) ? 'NA' : value.toFixed(digits));

async function bundle() {
  const started = performance.now();
  const result = await build({
    entryPoints: [`${ROOT}bench/pages/memory-monitor-page.ts`],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    target: 'es2022',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  console.log(`bundle: ${(code.length / 1024).toFixed(1)} KB minified in ${Math.round(performance.now() - started)} ms`);
  return code;
}

async function serve(script) {
  const html = await readFile(`${ROOT}bench/pages/memory-monitor.html`, 'utf8');
  const isolation = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, mode, file] = url.pathname.split('/');
    const headers = { 'Cache-Control': 'no-store', ...(mode === 'isolated' ? isolation : {}) };
    if ((mode === 'plain' || mode === 'isolated') && file === 'memory-monitor.html') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
    } else if ((mode === 'plain' || mode === 'isolated') && file === 'memory-monitor-page.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1'); // loopback only
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function openPage(browser, origin, isolated) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/${isolated ? 'isolated' : 'plain'}/memory-monitor.html`);
  await page.waitForFunction(() => window.memoryBench !== undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const facts = await page.evaluate(() => ({ visibility: document.visibilityState, isolated: crossOriginIsolated }));
  if (facts.visibility !== 'visible') throw new Error(`page is ${facts.visibility}: the monitor would pause`);
  if (facts.isolated !== isolated) throw new Error(`crossOriginIsolated is ${facts.isolated}, wanted ${isolated}`);
  return { context, page, cdp };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

async function measureOverhead(browser, origin) {
  const pages = {
    baseline: await openPage(browser, origin, false),
    monitor: await openPage(browser, origin, false),
    uasm: await openPage(browser, origin, true),
  };
  await sleep(SETTLE_MS);
  const before = {};
  for (const [name, { cdp }] of Object.entries(pages)) before[name] = await metrics(cdp);
  const wallStart = performance.now();
  const capabilities = {
    monitor: await pages.monitor.page.evaluate(() => window.memoryBench.startMonitor()),
    uasm: await pages.uasm.page.evaluate(() => window.memoryBench.startMonitor()),
  };
  // The same round trip into the baseline page, so that only the monitor differs.
  await pages.baseline.page.evaluate(() => window.memoryBench.state());
  await sleep(OVERHEAD_S * 1000);
  const after = {};
  for (const [name, { cdp }] of Object.entries(pages)) after[name] = await metrics(cdp);
  const wallS = (performance.now() - wallStart) / 1000;
  const states = {
    monitor: await pages.monitor.page.evaluate(() => window.memoryBench.state()),
    uasm: await pages.uasm.page.evaluate(() => window.memoryBench.state()),
  };
  for (const { context } of Object.values(pages)) await context.close();

  const delta = (name, key) => after[name][key] - before[name][key];
  const base = { task: delta('baseline', 'TaskDuration'), script: delta('baseline', 'ScriptDuration') };
  console.log(`\nCPU over ${wallS.toFixed(1)} s, default settings (interval 2000 ms, window 20 s):`);
  console.log(
    `  baseline (monitor not started): TaskDuration ${(base.task * 1000).toFixed(1)} ms, ScriptDuration ${(base.script * 1000).toFixed(1)} ms`,
  );
  const results = {};
  for (const name of ['monitor', 'uasm']) {
    const task = delta(name, 'TaskDuration');
    const script = delta(name, 'ScriptDuration');
    const state = states[name];
    const overheadPct = ((task - base.task) / wallS) * 100;
    const callbackPct = (state.callbackMs / 1000 / wallS) * 100;
    results[name] = { overheadPct, callbackPct, samples: state.samples.length };
    console.log(
      `  ${capabilities[name].memory.padEnd(31)} TaskDuration ${(task * 1000).toFixed(1)} ms ` +
        `(${(task / base.task).toFixed(2)}x baseline), ScriptDuration ${(script * 1000).toFixed(1)} ms, ` +
        `${state.samples.length} samples, ${state.warnings.length} warnings; ` +
        `overhead ${overheadPct.toFixed(3)} % of a core; inside monitor callbacks ${state.callbackMs.toFixed(1)} ms ` +
        `(${callbackPct.toFixed(4)} %)`,
    );
  }
  return results;
}

async function measureLeak(browser, origin, { mbps, limitMbps, isolated }) {
  const { context, page } = await openPage(browser, origin, isolated);
  await sleep(2000);
  const capabilities = await page.evaluate(
    ({ limit }) => {
      const caps = window.memoryBench.startMonitor({ growthLimitBytesPerSecond: limit });
      return caps;
    },
    { limit: limitMbps * MB },
  );
  await page.evaluate((rate) => window.memoryBench.startLeak(rate), mbps);
  let detected = true;
  await page
    .waitForFunction(() => window.memoryBench.state().warnings.some((warning) => warning.reason === 'growth'), null, {
      timeout: WINDOW_MS + 25_000,
      polling: 250,
    })
    .catch(() => (detected = false));
  const state = await page.evaluate(() => {
    window.memoryBench.stopLeak();
    window.memoryBench.stopMonitor();
    const { samples, warnings, retainedBytes } = window.memoryBench.state();
    return { samples, warnings, retainedBytes };
  });
  await context.close();

  const first = state.samples[0];
  // The window starts at the first sample, or again where the source rebased (an isolated page's first full
  // measurement).
  const windowStart = state.samples.filter((sample) => sample.rebased).pop() ?? first;
  const growth = state.warnings.find((warning) => warning.reason === 'growth');
  const latencyS = detected && windowStart && growth ? (growth.at - (windowStart.at + WINDOW_MS)) / 1000 : null;
  const rebasedNote = windowStart !== first ? `, window restarted ${((windowStart.at - first.at) / 1000).toFixed(1)} s in` : '';
  const label = `${mbps} MB/s leak${isolated ? ' (isolated)' : ''}`;
  console.log(
    `  ${label.padEnd(24)} ${capabilities.memory.padEnd(31)} limit ${limitMbps} MB/s: ` +
      (latencyS === null
        ? `NOT flagged within ${(WINDOW_MS + 25_000) / 1000} s`
        : `flagged ${latencyS.toFixed(2)} s after the window filled, estimate ${(growth.bytesPerSecond / MB).toFixed(1)} MB/s`) +
      `${rebasedNote}; ${state.samples.length} samples, heap ${(first.usedBytes / MB).toFixed(0)} → ` +
      `${(state.samples[state.samples.length - 1].usedBytes / MB).toFixed(0)} MB, ` +
      `other warnings: ${state.warnings.filter((w) => w.reason !== 'growth').map((w) => w.reason).join(', ') || 'none'}`,
  );
  return latencyS;
}

const benchStarted = performance.now();
const script = await bundle();
const { server, origin } = await serve(script);
const browser = await launchChromium();
try {
  console.log(`chromium ${browser.version()}, serving ${origin}`);
  const overhead = await measureOverhead(browser, origin);
  console.log(`\nDetection latency from the window filling (window ${WINDOW_MS / 1000} s, interval 2 s):`);
  const latency = {};
  for (const leak of LEAKS) latency[`${leak.mbps}${leak.isolated ? 'i' : ''}`] = await measureLeak(browser, origin, leak);
  console.log(`\ntotal ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  console.log(
    `RESULT overhead_pct=${round(overhead.monitor.overheadPct, 3)} detect_2mbps_s=${round(latency['2'])} ` +
      `detect_10mbps_s=${round(latency['10'])} detect_50mbps_s=${round(latency['50'])} ` +
      `overhead_uasm_pct=${round(overhead.uasm.overheadPct, 3)} detect_10mbps_uasm_s=${round(latency['10i'])}`,
  );
} finally {
  await browser.close();
  server.close();
}
