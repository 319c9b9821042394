/**
 * Real mode, end to end: the dev server with (fake) Meeting SDK credentials signs at /api/signature, the page
 * loads the real SDK from /zoom-sdk, and the join fails offline with the SDK's connection error (-3000). Proves
 * the signature route, the self-hosted assets and the real adapter work together — and that the secret never
 * reaches the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, blocking } from './support/axe.js';
import { launchChromium, openDemo } from './support/browser.js';
import { MAIN, errorPanelText, joinAndSettle, joinPath, theError } from './support/demo-actions.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

const FAKE_KEY = 'e2e-fake-meeting-sdk-key';
const FAKE_SECRET = 'e2e-fake-meeting-sdk-secret-never-sent-to-the-page';

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer({ ZOOM_MEETING_SDK_KEY: FAKE_KEY, ZOOM_MEETING_SDK_SECRET: FAKE_SECRET });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('real mode (real SDK, offline)', { timeout: 150_000 }, () => {
  it('signs at /api/signature, loads the real SDK, and shows the connection error -3000', { timeout: 120_000 }, async () => {
    const demo = await openDemo(browser, server.url('/'));
    try {
      const { page } = demo;
      assert.equal(await page.locator('body').getAttribute('data-mode'), 'real', 'real mode is the default with credentials');
      assert.equal(await page.locator(MAIN).getAttribute('signature-endpoint'), '/api/signature');

      // Pass the answer through a route: DevTools may drop a kept body once the SDK's megabytes fill its buffer,
      // so reading it after the fact is not reliable. The request still goes to the real server over HTTP.
      let signed: { signature?: string; sdkKey?: string } | undefined;
      await page.route('**/api/signature', async (route) => {
        const response = await route.fetch();
        signed = (await response.json()) as { signature: string; sdkKey: string };
        await route.fulfill({ response });
      });
      assert.equal(await joinAndSettle(demo, 60_000), 'error');
      assert.equal(signed?.sdkKey, FAKE_KEY);

      assert.deepEqual(joinPath(await demo.statuses()), ['signing', 'joining', 'error']);
      const error = await theError(demo);
      assert.equal(error.sdkCode, -3000);
      assert.equal(error.category, 'network');
      assert.equal(error.code, 'connection-error');
      assert.match(await errorPanelText(demo), /connection error|Cannot reach Zoom/i);

      assert.ok(
        demo.requests.some((request) => request === `GET ${server.url('/zoom-sdk/lib/av/js_media.min.js')}`),
        'the real SDK loaded js_media from the self-hosted asset path',
      );
      assert.ok(
        demo.requests.some((request) => /^POST https:\/\/[^/]*zoom\.us\//.test(request)),
        'the SDK tried to reach zoom.us (and was cut off)',
      );
      const responses = await demo.responseTexts();
      assert.ok(responses.some((response) => response.url.endsWith('/api/config')), 'the page asked /api/config');
      assert.ok(responses.length > 10, 'the page, its modules and the API answers were all inspected');
      for (const response of responses) {
        assert.ok(!response.text.includes(FAKE_SECRET), `the secret is not in ${response.url}`);
      }
      assert.doesNotMatch(await page.locator('#event-log').innerText(), /\bey[A-Za-z0-9_-]{8,}\./, 'no token in the log');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(blocking(await axeViolations(page, `real SDK, -3000 (${colorScheme})`)), [], `axe: no serious or critical violation, ${colorScheme}`);
      }
    } finally {
      await demo.close();
    }
  });
});
