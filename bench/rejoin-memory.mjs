// bench/rejoin-memory: heap and DOM growth per join cycle, raw SDK (Zoom's sample flow) against <zoom-join>, and
// the SDK run in a realm of its own (a same-origin frame discarded after each cycle, src/sdk/sdk-realm.ts),
// in the same browser, forcing GC (CDP HeapProfiler.collectGarbage) before every reading. Offline, each join
// ends in the SDK's -3000, which exercises the same load/init/join/leave machinery as a real meeting's start.
import { buildBenchPages } from './lib/build-pages.mjs';
import { launchChromium, serveStatic, slopePerStep } from './lib/browser.mjs';

const CYCLES = Number(process.env.CYCLES ?? 10);

async function measure(browser, origin, page) {
  const tab = await browser.newPage();
  const cdp = await tab.context().newCDPSession(tab);
  await tab.goto(`${origin}/bench/pages/${page}`);
  await tab.waitForFunction(() => window.benchReady === true);
  const read = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { mb: heap.usedSize / 1e6, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
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

await buildBenchPages();
const server = await serveStatic(process.cwd());
const browser = await launchChromium();
try {
  const raw = await measure(browser, server.origin, 'rejoin-raw.html');
  const element = await measure(browser, server.origin, 'rejoin-element.html');
  const realm = await measure(browser, server.origin, 'rejoin-realm.html');
  for (const [name, result] of Object.entries({ raw, element, realm })) {
    console.log(
      `${name.padEnd(8)} ${CYCLES} cycles, SDK answered ${result.codes.join('/')}: heap ${result.first.mb.toFixed(1)} → ${result.last.mb.toFixed(1)} MB ` +
        `(${result.mbPerCycle.toFixed(2)} MB/cycle), DOM nodes ${result.first.nodes} → ${result.last.nodes} ` +
        `(${result.nodesPerCycle.toFixed(1)}/cycle), listeners ${result.first.listeners} → ${result.last.listeners} ` +
        `(${result.listenersPerCycle.toFixed(1)}/cycle)`,
    );
  }
  console.log(`element/raw heap growth ratio: ${(element.mbPerCycle / raw.mbPerCycle).toFixed(2)}`);
  console.log(
    `RESULT raw_mb_per_cycle=${raw.mbPerCycle.toFixed(2)} element_mb_per_cycle=${element.mbPerCycle.toFixed(2)} ` +
      `element_dom_nodes_per_cycle=${element.nodesPerCycle.toFixed(1)} raw_dom_nodes_per_cycle=${raw.nodesPerCycle.toFixed(1)} ` +
      `realm_mb_per_cycle=${realm.mbPerCycle.toFixed(2)} realm_dom_nodes_per_cycle=${realm.nodesPerCycle.toFixed(1)} ` +
      `realm_listeners_per_cycle=${realm.listenersPerCycle.toFixed(1)}`,
  );
} finally {
  await browser.close();
  await server.close();
}
