/**
 * Every simulated scenario of the demo page, each in a fresh browser context: the element's status sequence, its
 * error panel (shadow part), the events it fires and what the demo page shows for them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openDemo, screenshot, type DemoPage } from './support/browser.js';
import {
  MAIN,
  badge,
  clickJoin,
  elementHasMemoryMonitor,
  errorPanelText,
  joinAndSettle,
  joinPath,
  logEntries,
  theError,
  waitForStatus,
} from './support/demo-actions.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { axeViolations, blocking } from './support/axe.js';

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the scenario in a fresh context, runs `body`, checks the end state with axe (no serious or critical
 * violation) in a light and then a dark system (the demo follows it), and always closes the context.
 */
async function withScenario(id: string, body: (demo: DemoPage) => Promise<void>): Promise<void> {
  const demo = await openDemo(browser, server.url(`/?mode=sim&scenario=${id}`));
  try {
    await body(demo);
    assert.deepEqual(demo.pageErrors, [], 'no uncaught errors in the page');
    for (const colorScheme of ['light', 'dark'] as const) {
      await demo.page.emulateMedia({ colorScheme });
      const violations = blocking(await axeViolations(demo.page, `${id} (${colorScheme})`));
      assert.deepEqual(violations, [], `axe: no serious or critical violation in the end state of ${id}, ${colorScheme}`);
    }
  } finally {
    await demo.close();
  }
}

const JWT = /\bey[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

describe('simulated scenarios', { timeout: 240_000 }, () => {
  it('success: signing → joining → joined, assets progress to 100%, then leave', { timeout: 40_000 }, async () => {
    await withScenario('success', async (demo) => {
      assert.equal(await badge(demo), 'idle');
      assert.equal(await joinAndSettle(demo), 'joined');
      assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'joining', 'joined']);
      assert.equal(await badge(demo), 'joined');
      await demo.page.locator(`${MAIN} .simulated-meeting`).waitFor();

      const joined = await demo.events('zoom-joined');
      assert.deepEqual(joined.map((event) => event.detail), [
        { meetingNumber: '12345678901', userName: 'QA tester', view: 'component' },
      ]);

      const progress = (await demo.events('zoom-progress')).map((event) => event.detail as { fraction: number; phase: string });
      assert.ok(progress.length >= 2, 'progress reported more than once');
      assert.ok(progress.every((detail) => detail.phase === 'assets'));
      assert.equal(progress.at(-1)?.fraction, 1);
      assert.equal(await demo.page.locator('#progress').getAttribute('data-percent'), '100');

      // The live log shows each status change, and nothing in it looks like a token.
      const logged = await logEntries(demo, 'zoom-status');
      assert.deepEqual(
        logged.map((text) => (JSON.parse(text) as { status: string }).status).filter((s) => s !== 'preloading' && s !== 'ready'),
        ['signing', 'joining', 'joined'],
      );
      assert.doesNotMatch(await demo.page.locator('#event-log').innerText(), JWT);

      // Where the join spent its time: zoom-timing, drawn as a waterfall beside the log.
      const [timing] = (await demo.events('zoom-timing')).map((event) => event.detail as { outcome: string; phases: Record<string, number> });
      assert.equal(timing?.outcome, 'joined');
      const drawn = await demo.page.locator('#timing li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.phase));
      assert.deepEqual(drawn, Object.keys(timing?.phases ?? {}));
      assert.ok(drawn.includes('signature') && drawn.includes('join-request'), `phases drawn: ${drawn.join(', ')}`);
      assert.match(await demo.page.locator('#timing figcaption').innerText(), /Last join: \d+ ms, joined \(component view\)/);
      await screenshot(demo.page, 'e2e-success-joined');

      await demo.page.locator('#leave').click();
      await waitForStatus(demo, 'left');
      assert.deepEqual((await demo.events('zoom-left')).map((event) => event.detail), [{ reason: 'user' }]);
      assert.equal(await demo.page.locator(`${MAIN} .simulated-meeting`).count(), 0);
    });
  });

  it('invalid-signature: passes the in-page check, then Zoom answers 3712; the panel names the Meeting SDK app and OAuth', async () => {
    await withScenario('invalid-signature', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'error');
      // joining means the signature passed the in-page check: the refusal came from (simulated) Zoom.
      assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'joining', 'error']);
      const error = await theError(demo);
      assert.equal(error.code, 'signature-invalid');
      assert.equal(error.category, 'signature');
      assert.equal(error.sdkCode, 3712);
      assert.equal(error.retryable, false);
      const panel = await errorPanelText(demo);
      assert.match(panel, /Meeting SDK app/);
      assert.match(panel, /OAuth/);
      assert.match(panel, /3712/);
      assert.doesNotMatch(panel, JWT);
      assert.equal(await demo.page.locator(`${MAIN} [part=retry-button]`).count(), 0, 'no Retry: retrying cannot fix it');
      assert.equal(await badge(demo), 'error');
      await screenshot(demo.page, 'e2e-invalid-signature-3712');
    });
  });

  for (const [id, sdkCode, code, words] of [
    ['expired-signature', 3705, 'signature-expired', /expired/i],
    ['wrong-meeting-number', 3706, 'meeting-number-wrong', /meeting number/i],
    ['wrong-passcode', 3004, 'wrong-passcode', /passcode/i],
  ] as const) {
    it(`${id}: Zoom answers ${sdkCode} → ${code}`, async () => {
      await withScenario(id, async (demo) => {
        assert.equal(await joinAndSettle(demo), 'error');
        assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'joining', 'error']);
        const error = await theError(demo);
        assert.equal(error.code, code);
        assert.equal(error.sdkCode, sdkCode);
        const panel = await errorPanelText(demo);
        assert.match(panel, words);
        assert.match(panel, new RegExp(`Zoom ${sdkCode}`));
      });
    });
  }

  it('not-started: 3008 with Retry; once the host starts, Retry joins', { timeout: 40_000 }, async () => {
    await withScenario('not-started', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'error');
      const error = await theError(demo);
      assert.equal(error.code, 'meeting-not-started');
      assert.equal(error.sdkCode, 3008);
      assert.equal(error.retryable, true);
      assert.match(await errorPanelText(demo), /not started/i);
      await demo.page.locator('#scenario-status[data-host-started="true"]').waitFor({ timeout: 15_000 });
      await demo.page.locator(`${MAIN} [part=retry-button]`).click();
      await waitForStatus(demo, 'joined');
      assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'joining', 'error', 'signing', 'joining', 'joined']);
      assert.equal(await demo.page.locator('#event-log li[data-event="host-started"]').count(), 1, 'the log shows the host starting');
    });
  });

  it('assets-unreachable: the SDK files answer 404 → 5001, assets category', async () => {
    await withScenario('assets-unreachable', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'error');
      const error = await theError(demo);
      assert.equal(error.code, 'assets-unreachable');
      assert.equal(error.category, 'assets');
      assert.equal(error.sdkCode, 5001);
      assert.match(await errorPanelText(demo), /asset/i);
      assert.ok(
        demo.requests.some((request) => request.endsWith('/zoom-sdk/lib/av-unreachable/js_media.min.js')),
        'the simulated SDK asked the (broken) asset path for js_media.min.js',
      );
      assert.equal(await demo.page.locator('#progress').getAttribute('data-percent'), null, 'no progress reported');
    });
  });

  it('slow-assets: the progress bar moves forward file by file and reaches 100%, then joined', { timeout: 40_000 }, async () => {
    await withScenario('slow-assets', async (demo) => {
      await clickJoin(demo);
      // While downloading, the bar shows a partial value.
      await demo.page.waitForFunction(() => {
        const percent = Number(document.querySelector('#progress')?.getAttribute('data-percent'));
        return percent > 10 && percent < 90;
      });
      assert.equal(await demo.page.locator('#progress').isVisible(), true);
      await waitForStatus(demo, 'joined');
      const progress = (await demo.events('zoom-progress')).map(
        (event) => event.detail as { fraction: number; loaded: number; total: number; file: string },
      );
      // At least one report per file and some within files; how many depends on how the network chunks the bytes.
      assert.ok(progress.length >= 6, `many progress events (${progress.length})`);
      for (let i = 1; i < progress.length; i++) {
        assert.ok((progress[i]?.fraction ?? 0) >= (progress[i - 1]?.fraction ?? 0), 'progress only moves forward');
      }
      const last = progress.at(-1);
      assert.equal(last?.fraction, 1);
      assert.equal(last?.loaded, last?.total);
      assert.ok((last?.total ?? 0) > 5_000_000, 'several MB');
      assert.deepEqual(
        [...new Set(progress.map((detail) => detail.file))],
        ['js_media.min.js', 'audio_simd.min.js', 'audio.simd.wasm', 'net_thread.min.js'],
      );
      assert.equal(await demo.page.locator('#progress').getAttribute('data-percent'), '100');
      assert.match(await demo.page.locator('#progress output').innerText(), /100%/);
      assert.equal(await demo.page.locator('#progress progress').evaluate((bar) => (bar as HTMLProgressElement).value), 1);
    });
  });

  it('endpoint-down: 503 (three attempts) → signature-http-status, retryable', async () => {
    await withScenario('endpoint-down', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'error');
      assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'error']);
      const error = await theError(demo);
      assert.equal(error.code, 'signature-http-status');
      assert.equal(error.category, 'signature');
      assert.equal(error.retryable, true);
      assert.match(await errorPanelText(demo), /503/);
      assert.equal(demo.requests.filter((request) => request === `POST ${server.url('/api/sim/endpoint-down')}`).length, 3);
      await demo.page.locator(`${MAIN} [part=retry-button]`).waitFor();
    });
  });

  it('endpoint-html: an HTML page instead of JSON → signature-not-json with the HTML hint', async () => {
    await withScenario('endpoint-html', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'error');
      const error = await theError(demo);
      assert.equal(error.code, 'signature-not-json');
      assert.match(await errorPanelText(demo), /HTML/);
    });
  });

  it('endpoint-timeout: two 3 s attempts → signature-timeout', { timeout: 30_000 }, async () => {
    await withScenario('endpoint-timeout', async (demo) => {
      const started = Date.now();
      assert.equal(await joinAndSettle(demo, 20_000), 'error');
      const elapsed = Date.now() - started;
      const error = await theError(demo);
      assert.equal(error.code, 'signature-timeout');
      assert.match(await errorPanelText(demo), /3000 ms/);
      assert.equal(demo.requests.filter((request) => request === `POST ${server.url('/api/sim/endpoint-timeout')}`).length, 2);
      assert.ok(elapsed >= 6000, `both attempts waited their 3 s (${elapsed} ms)`);
    });
  });

  it('memory-leak: the heap really grows and the memory chart shows rising samples', { timeout: 60_000 }, async () => {
    await withScenario('memory-leak', async (demo) => {
      assert.equal(await demo.page.locator(MAIN).getAttribute('memory-budget'), '256');
      assert.equal(await joinAndSettle(demo), 'joined');
      const summary = demo.page.locator('#memory-summary');
      await demo.page.waitForFunction(
        () => {
          const data = document.querySelector<HTMLElement>('#memory-summary')?.dataset;
          return Number(data?.lastBytes) - Number(data?.firstBytes) > 100 * 1048576 && Number(data?.samples) >= 3;
        },
        undefined,
        { timeout: 20_000 },
      );
      const samples = Number(await summary.getAttribute('data-samples'));
      assert.ok(samples >= 3, `${samples} samples`);
      assert.ok((await logEntries(demo, 'heap-leak')).length >= 1, 'the demo logged the retained memory');

      if (await elementHasMemoryMonitor(demo)) {
        // The element's memory monitor has landed: it must report samples and warn about this leak (the heap
        // passes memory-budget="256" within seconds; growth at ~32 MB/s takes its 20 s window).
        await demo.page.locator('#event-log li[data-event="zoom-memory-warning"]').first().waitFor({ timeout: 30_000 });
        const reasons = (await demo.events('zoom-memory-warning')).map((event) => (event.detail as { reason: string }).reason);
        assert.ok(reasons.some((reason) => reason === 'budget' || reason === 'growth' || reason === 'near-limit'), reasons.join());
        assert.ok((await demo.events('zoom-memory')).length >= 1, 'zoom-memory samples');
        assert.equal(await summary.getAttribute('data-source'), 'element', 'the chart switched to the element\'s samples');
        assert.ok(Number(await summary.getAttribute('data-warnings')) >= 1);
      }
      await demo.page.locator('#release-memory').click();
    });
  });

  it('freeze: the main thread is really blocked ~3 s and the page notices', { timeout: 30_000 }, async () => {
    await withScenario('freeze', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'joined');
      // The longest block the page logged: on a loaded machine an unrelated 1 s stall may be logged first.
      await demo.page.locator('#event-log li[data-event="freeze-end"]').waitFor({ timeout: 15_000 });
      const longestBlock = async (): Promise<number> =>
        Math.max(
          0,
          ...(await demo.page.locator('#event-log li[data-event="main-thread-blocked"] code').allInnerTexts()).map(
            (text) => (JSON.parse(text) as { ms: number }).ms,
          ),
        );
      // The watcher reports on its first beat after the block.
      let ms = await longestBlock();
      for (let tries = 0; ms < 2500 && tries < 20; tries++) {
        await demo.page.waitForTimeout(100);
        ms = await longestBlock();
      }
      assert.ok(ms >= 2500, `blocked ${ms} ms`);
      const end = JSON.parse(await demo.page.locator('#event-log li[data-event="freeze-end"] code').innerText()) as {
        blockedMs: number;
      };
      assert.ok(end.blockedMs >= 3000);
      assert.equal(await badge(demo), 'joined', 'the element survives a frozen main thread');
      if (await elementHasMemoryMonitor(demo)) {
        await demo.page.waitForFunction(
          () =>
            (window as unknown as { __e2eEvents: Array<{ type: string; detail: { reason?: string } }> }).__e2eEvents.some(
              (event) => event.type === 'zoom-memory-warning' && event.detail.reason === 'freeze',
            ),
          undefined,
          { timeout: 10_000 },
        );
      }
    });
  });

  it('second-tab, one page: a second element is refused (another-meeting-in-progress, on this page) and the first stays joined', async () => {
    await withScenario('second-tab', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'joined');
      await demo.page.locator('#add-second-element').click();
      await waitForStatus(demo, 'error', 10_000, '#second-element');
      const second = (await demo.events('zoom-error')).filter((event) => event.target === 'second-element');
      const { code, message } = second[0]?.detail as { code: string; message: string };
      // One code for "already in a meeting"; the page's one-meeting slot answers before the cross-tab lock can.
      assert.equal(code, 'another-meeting-in-progress');
      assert.match(message, /on this page/);
      const panel = await errorPanelText(demo, '#second-element');
      assert.match(panel, new RegExp(code));
      assert.match(panel, /on this page/);
      assert.equal(await demo.page.locator(MAIN).getAttribute('status'), 'joined');
      assert.equal(await demo.page.locator('#event-log li[data-origin="second element"][data-event="zoom-error"]').count(), 1);
    });
  });

  it('second-tab, two tabs: the second tab refuses with another-meeting-in-progress (another tab) once the cross-tab lock exists', async (t) => {
    await withScenario('second-tab', async (demo) => {
      assert.equal(await joinAndSettle(demo), 'joined');
      const [popup] = await Promise.all([demo.context.waitForEvent('page'), demo.page.locator('#open-second-tab').click()]);
      await popup.locator(`${MAIN}:is([status=joined], [status=error])`).waitFor({ timeout: 20_000 });
      const status = await popup.locator(MAIN).getAttribute('status');
      assert.ok(new URL(popup.url()).searchParams.has('autojoin'), 'the second tab joins by itself');
      assert.equal(new URL(popup.url()).searchParams.get('scenario'), 'second-tab', 'with the same settings');
      if (status === 'error') {
        const panel = await errorPanelText({ ...demo, page: popup });
        assert.match(panel, /another-meeting-in-progress/);
        assert.match(panel, /another tab/);
      } else {
        // Without a cross-tab lock both tabs join (the real SDK would then run two meetings for one user).
        assert.equal(status, 'joined');
        t.todo('no cross-tab lock yet: the second tab joined the same meeting');
      }
      assert.equal(await demo.page.locator(MAIN).getAttribute('status'), 'joined', 'the first tab is undisturbed');
    });
  });
});
