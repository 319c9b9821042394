// bench/meeting: the element in REAL meetings (the real SDK, Zoom's meeting service answered by the meeting double
// in demo/meeting-double/), against the raw SDK run the way an app that wants its memory back would run it (a frame
// per meeting, the SDK loaded and initialised before the click), in the same browser, same double.
//
//   node bench/meeting.mjs          RUNS=5 (click → joined per view and side)  CYCLES=10 (rejoin memory)
//   VIEWS=component,client
//
// 1. Click → joined: from join() to the meeting (the Component View's join resolving; the Client View's success
//    callback, which the SDK fires on a fixed 2 s timer after the join answer), medians; the element's own phases
//    from its zoom-timing.
// 2. Rejoin memory over real meetings: CYCLES × (join → joined → a second participant joins → leave, with the next
//    meeting's frame prepared), forced GC before each reading (CDP HeapProfiler.collectGarbage), least-squares
//    slope per meeting of the heap, the documents, DOM nodes and listeners.
// 3. on-memory-pressure="leave" from a meeting: the heap once the next frame is ready, against the heap before the
//    join (both with a prepared frame).
import { tsImport } from 'tsx/esm/api';
import { buildBenchPages } from './lib/build-pages.mjs';
import { launchChromium, median, serveStatic, slopePerStep } from './lib/browser.mjs';

const { MeetingDouble } = await tsImport('../demo/meeting-double/meeting-double.ts', import.meta.url);
const { routeMeetingDouble } = await tsImport('../demo/meeting-double/route-playwright.ts', import.meta.url);

const RUNS = Number(process.env.RUNS ?? 5);
const CYCLES = Number(process.env.CYCLES ?? 10);
const VIEWS = (process.env.VIEWS ?? 'component,client').split(',');
/** A page settles this long before a timed join (shorter settles gave spreads up to 2.8× on 2 cores). */
const SETTLE_MS = 3000;

async function openPage(browser, origin, file, view, query = '') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  let double;
  await routeMeetingDouble(page, () => double);
  const fresh = () => {
    double = new MeetingDouble({ origin, hostName: 'Bench Host' });
    return double;
  };
  fresh();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/bench/pages/${file}?view=${view}${query}`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 180_000 });
  const read = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { mb: heap.usedSize / 1e6, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  return { page, read, fresh, close: () => context.close() };
}

async function clickToJoined(browser, origin, file, view) {
  const { page, fresh, close } = await openPage(browser, origin, file, view);
  const runs = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      fresh();
      await page.waitForTimeout(SETTLE_MS);
      runs.push(await page.evaluate(() => window.join()));
      await page.evaluate(() => window.leave());
    }
  } finally {
    await close();
  }
  const phases = {};
  for (const name of Object.keys(runs[0].timing?.phases ?? {})) phases[name] = median(runs.map((run) => run.timing.phases[name] ?? 0));
  return { ms: median(runs.map((run) => run.ms)), phases };
}

async function rejoinMemory(browser, origin, file, view, query = '') {
  const { page, read, fresh, close } = await openPage(browser, origin, file, view, query);
  const readings = [];
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const double = fresh();
      await page.evaluate(() => window.join());
      double.addParticipant(`Guest ${cycle}`);
      await page.waitForTimeout(1000);
      await page.evaluate(() => window.leave());
      await page.waitForTimeout(500);
      readings.push(await read());
    }
  } finally {
    await close();
  }
  const slope = (key) => slopePerStep(readings.map((reading) => reading[key]));
  return { first: readings[0], last: readings.at(-1), mb: slope('mb'), documents: slope('documents'), nodes: slope('nodes'), listeners: slope('listeners') };
}

async function pressureLeave(browser, origin, view) {
  const { page, read, fresh, close } = await openPage(browser, origin, 'meeting-element.html', view);
  try {
    // One meeting first, so both readings come after the same one-time costs.
    fresh();
    await page.evaluate(() => window.join());
    await page.evaluate(() => window.leave());
    const before = (await read()).mb;
    fresh();
    await page.evaluate(() => window.join());
    const reason = await page.evaluate(() => window.pressureLeave());
    const after = (await read()).mb;
    return { reason, before, after, delta: after - before };
  } finally {
    await close();
  }
}

await buildBenchPages();
const server = await serveStatic(process.cwd());
// Nothing but 127.0.0.1 resolves: the SDK's media workers open sockets Playwright's routing does not see.
const browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
const results = [];
try {
  for (const view of VIEWS) {
    const raw = await clickToJoined(browser, server.origin, 'meeting-raw.html', view);
    const element = await clickToJoined(browser, server.origin, 'meeting-element.html', view);
    const phases = Object.entries(element.phases).map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ');
    console.log(`${view} click → joined (median of ${RUNS}): raw ${Math.round(raw.ms)} ms, element ${Math.round(element.ms)} ms (${(element.ms / raw.ms).toFixed(2)}×); element phases: ${phases}`);
    const rawMemory = await rejoinMemory(browser, server.origin, 'meeting-raw.html', view);
    const elementMemory = await rejoinMemory(browser, server.origin, 'meeting-element.html', view);
    const keepingMemory = await rejoinMemory(browser, server.origin, 'meeting-element.html', view, '&keep-frames');
    for (const [name, memory] of Object.entries({ raw: rawMemory, element: elementMemory, 'element, the page keeping old frame elements': keepingMemory })) {
      console.log(
        `${view} ${name.padEnd(7)} ${CYCLES} meetings: heap ${memory.first.mb.toFixed(1)} → ${memory.last.mb.toFixed(1)} MB (${memory.mb.toFixed(2)} MB/meeting), ` +
          `documents ${memory.documents.toFixed(2)}/meeting, DOM nodes ${memory.nodes.toFixed(1)}/meeting, listeners ${memory.listeners.toFixed(1)}/meeting`,
      );
    }
    const pressure = await pressureLeave(browser, server.origin, view);
    console.log(
      `${view} memory-pressure leave from a meeting (zoom-left ${pressure.reason}): heap ${pressure.before.toFixed(1)} MB before the join, ` +
        `${pressure.after.toFixed(1)} MB once the next frame is ready (${pressure.delta >= 0 ? '+' : ''}${pressure.delta.toFixed(2)} MB)`,
    );
    results.push(
      `${view}_raw_join_ms=${Math.round(raw.ms)} ${view}_element_join_ms=${Math.round(element.ms)} ` +
        `${view}_raw_mb_per_meeting=${rawMemory.mb.toFixed(2)} ${view}_element_mb_per_meeting=${elementMemory.mb.toFixed(2)} ` +
        `${view}_element_documents_per_meeting=${elementMemory.documents.toFixed(2)} ${view}_element_kept_frames_mb_per_meeting=${keepingMemory.mb.toFixed(2)} ` +
        `${view}_pressure_leave_delta_mb=${pressure.delta.toFixed(2)}`,
    );
  }
  console.log(`RESULT ${results.join(' ')}`);
} finally {
  await browser.close();
  await server.close();
}
