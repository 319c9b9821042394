// bench/rejoin-memory: heap and DOM growth per join cycle, raw SDK (Zoom's sample flow) against <zoom-join> (which
// runs the SDK in a frame of its own, discarded after each join, and prepares a fresh one in idle time), in the
// same browser, forcing GC (CDP HeapProfiler.collectGarbage) before every reading. Offline, each join ends in the
// SDK's -3000, which exercises the same load/init/join/leave machinery as a real meeting's start. Then one join the
// element stops for memory pressure (on-memory-pressure="leave"): the heap once the next frame is ready, against
// the heap before that join (both with a prepared frame).
import { buildBenchPages } from './lib/build-pages.mjs';
import { launchChromium, serveStatic, slopePerStep } from './lib/browser.mjs';

const CYCLES = Number(process.env.CYCLES ?? 10);

async function openPage(browser, origin, page) {
  const tab = await browser.newPage();
  const cdp = await tab.context().newCDPSession(tab);
  await tab.goto(`${origin}/bench/pages/${page}`);
  await tab.waitForFunction(() => window.benchReady === true, null, { timeout: 120000 });
  // The page's heap, its frames' included (a same-origin frame shares the page's heap), and the top document's DOM.
  const read = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { mb: heap.usedSize / 1e6, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  return { tab, read };
}

async function measure(browser, origin, page) {
  const { tab, read } = await openPage(browser, origin, page);
  const readings = [];
  const codes = new Set();
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    codes.add(await tab.evaluate(() => window.cycle()));
    readings.push(await read());
  }
  await tab.close();
  return {
    mbPerCycle: slopePerStep(readings.map((r) => r.mb)),
    nodesPerCycle: slopePerStep(readings.map((r) => r.nodes)),
    listenersPerCycle: slopePerStep(readings.map((r) => r.listeners)),
    first: readings[0],
    last: readings.at(-1),
    codes: [...codes],
  };
}

async function pressureLeave(browser, origin) {
  const { tab, read } = await openPage(browser, origin, 'rejoin-element.html');
  // One ordinary cycle first, so that both readings come after the same one-time costs (the join code, first use).
  await tab.evaluate(() => window.cycle());
  const before = (await read()).mb;
  const code = await tab.evaluate(() => window.pressureLeave());
  const after = (await read()).mb;
  await tab.close();
  return { code, before, after, delta: after - before };
}

await buildBenchPages();
const server = await serveStatic(process.cwd());
const browser = await launchChromium();
try {
  const raw = await measure(browser, server.origin, 'rejoin-raw.html');
  const element = await measure(browser, server.origin, 'rejoin-element.html');
  const pressure = await pressureLeave(browser, server.origin);
  for (const [name, result] of Object.entries({ raw, element })) {
    console.log(
      `${name.padEnd(8)} ${CYCLES} cycles, SDK answered ${result.codes.join('/')}: heap ${result.first.mb.toFixed(1)} → ${result.last.mb.toFixed(1)} MB ` +
        `(${result.mbPerCycle.toFixed(2)} MB/cycle), DOM nodes ${result.first.nodes} → ${result.last.nodes} ` +
        `(${result.nodesPerCycle.toFixed(1)}/cycle), listeners ${result.first.listeners} → ${result.last.listeners} ` +
        `(${result.listenersPerCycle.toFixed(1)}/cycle)`,
    );
  }
  console.log(`element/raw heap growth ratio: ${(element.mbPerCycle / raw.mbPerCycle).toFixed(2)}`);
  console.log(
    `memory-pressure leave (the element answered ${pressure.code}): heap ${pressure.before.toFixed(1)} MB before the join, ` +
      `${pressure.after.toFixed(1)} MB once the next frame is ready (${pressure.delta >= 0 ? '+' : ''}${pressure.delta.toFixed(2)} MB)`,
  );
  console.log(
    `RESULT raw_mb_per_cycle=${raw.mbPerCycle.toFixed(2)} element_mb_per_cycle=${element.mbPerCycle.toFixed(2)} ` +
      `element_dom_nodes_per_cycle=${element.nodesPerCycle.toFixed(1)} raw_dom_nodes_per_cycle=${raw.nodesPerCycle.toFixed(1)} ` +
      `element_listeners_per_cycle=${element.listenersPerCycle.toFixed(1)} pressure_leave_heap_delta_mb=${pressure.delta.toFixed(2)}`,
  );
} finally {
  await browser.close();
  await server.close();
}
