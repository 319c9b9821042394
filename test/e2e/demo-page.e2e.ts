/**
 * The demo page itself: the settings form and its embed code (escaped, no secrets), shareable settings in the
 * URL, the scenario links, the capabilities panel, and what the dev server tells the page without credentials.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, openDemo, type DemoPage } from './support/browser.js';
import { MAIN } from './support/demo-actions.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import packageJson from '../../package.json' with { type: 'json' };

const packageVersion = packageJson.version;

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

async function withDemo(path: string, body: (demo: DemoPage) => Promise<void>): Promise<void> {
  const demo = await openDemo(browser, server.url(path));
  try {
    await body(demo);
    assert.deepEqual(demo.pageErrors, []);
  } finally {
    await demo.close();
  }
}

const NASTY_NAME = 'Ada "The Countess" <Lovelace> & co';

describe('demo page', { timeout: 120_000 }, () => {
  it('embed code: the exact element for the current settings, escaped, ready to paste', async () => {
    await withDemo('/?mode=sim', async (demo) => {
      const { page } = demo;
      const embed = page.locator('#embed-code');
      assert.equal(
        await embed.textContent(),
        [
          '<!-- A plain HTML page: the drop-in script. -->',
          `<script type="module" src="https://cdn.jsdelivr.net/npm/zoom-join@${packageVersion}/dist/cdn/zoom-join.js"></script>`,
          '',
          '<zoom-join',
          '  meeting-number="123 4567 8901"',
          '  user-name="QA tester"',
          '  meeting-role="0"',
          '  view="component"',
          '  preload="intent"',
          '  virtual-background="off"',
          '  on-memory-pressure="warn"',
          '  asset-path="/zoom-sdk/lib"',
          '  signature-endpoint="/api/sim/signature"',
          '></zoom-join>',
          '',
          "<!-- With a bundler (Vite, webpack, Next.js): npm install zoom-join @zoom/meetingsdk@6.2.0, then, instead of the drop-in script, in your code: import 'zoom-join'; -->",
          '',
        ].join('\n'),
      );

      await page.locator('input[name=user-name]').fill(NASTY_NAME);
      await page.locator('input[name=meeting-number]').fill('987-654-3210');
      await page.locator('input[name=passcode]').fill('p@ss"word');
      await page.locator('input[name=user-email]').fill('ada@example.com');
      await page.locator('select[name=preload]').selectOption('visible');
      await page.locator('select[name=virtual-background]').selectOption('enforce');
      await page.locator('select[name=on-memory-pressure]').selectOption('leave');
      await page.locator('select[name=view]').selectOption('client');

      const code = (await embed.textContent()) ?? '';
      assert.match(code, /user-name="Ada &quot;The Countess&quot; &lt;Lovelace&gt; &amp; co"/);
      assert.match(code, /meeting-number="987-654-3210"/);
      assert.match(code, /passcode="p@ss&quot;word"/);
      assert.match(code, /user-email="ada@example.com"/);
      assert.match(code, /preload="visible"/);
      assert.match(code, /virtual-background="enforce"/);
      assert.match(code, /on-memory-pressure="leave"/);
      assert.match(code, /view="client"/);
      assert.doesNotMatch(code, /signature="|zak|secret|\bey[A-Za-z0-9_-]{8,}\./i, 'no secrets');

      // Parsed back by the browser, the snippet gives exactly the demo element's attributes.
      const parsed = await page.evaluate((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        const element = template.content.querySelector('zoom-join');
        return element ? Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])) : null;
      }, code);
      const live = await page.locator(MAIN).evaluate((element) =>
        Object.fromEntries([...element.attributes].filter((a) => a.name !== 'status').map((a) => [a.name, a.value])),
      );
      assert.deepEqual(parsed, live);
      assert.equal(parsed?.['user-name'], NASTY_NAME);

      await demo.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      await page.locator('#copy-embed').click();
      await page.locator('#copy-result', { hasText: 'Copied.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

      // The settings live in the URL: a reload (or the second tab) gets the same element.
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      assert.equal(await page.locator('input[name=user-name]').inputValue(), NASTY_NAME);
      assert.equal(await page.locator(MAIN).getAttribute('on-memory-pressure'), 'leave');
      assert.equal(await page.locator(MAIN).getAttribute('preload'), 'visible');
      assert.equal(await embed.textContent(), code);
    });
  });

  it('embed code shows the signatureRequest property when a scenario sets it', async () => {
    await withDemo('/?mode=sim&scenario=endpoint-timeout', async ({ page }) => {
      const code = (await page.locator('#embed-code').textContent()) ?? '';
      assert.match(code, /\.signatureRequest = \{"timeoutMs":3000,"retries":1\};/);
      assert.match(code, /signature-endpoint="\/api\/sim\/endpoint-timeout"/);
    });
  });

  it('scenario list: a shareable link for every scenario; unknown ids fall back to success', async () => {
    await withDemo('/?mode=sim&scenario=no-such-scenario', async ({ page }) => {
      assert.equal(await page.locator('#scenarios').getAttribute('data-scenario'), 'success');
      const ids = await page.locator('#scenario-list a').evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).searchParams.get('scenario')),
      );
      assert.deepEqual(ids, [
        'success',
        'invalid-signature',
        'expired-signature',
        'wrong-meeting-number',
        'not-started',
        'wrong-passcode',
        'assets-unreachable',
        'slow-assets',
        'endpoint-down',
        'endpoint-html',
        'endpoint-timeout',
        'memory-leak',
        'freeze',
        'second-tab',
      ]);
    });
  });

  it('capabilities panel: isolation, SIMD, threads, device memory, cores', async () => {
    await withDemo('/', async ({ page }) => {
      await page.locator('[data-capability="hardware-concurrency"]').waitFor();
      const value = (id: string) => page.locator(`[data-capability="${id}"]`).innerText();
      const isolated = await page.evaluate(() => crossOriginIsolated);
      assert.match(await value('cross-origin-isolated'), new RegExp(`^${isolated}`));
      assert.match(await value('simd'), /^true/, 'Chromium has WebAssembly SIMD');
      assert.match(await value('threads'), isolated ? /^true/ : /^false/);
      assert.match(await value('device-memory'), /GB|unknown/);
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      assert.equal(await value('hardware-concurrency'), String(cores));
      assert.match(await value('performance-memory'), /^precise/, 'live readings on an http origin');
    });
  });

  it('without credentials: simulated by default, real mode off and explained, /api/signature refuses', async () => {
    await withDemo('/', async ({ page }) => {
      assert.equal(await page.locator('body').getAttribute('data-mode'), 'sim');
      assert.equal(await page.locator('#mode-real').getAttribute('aria-disabled'), 'true');
      assert.match(await page.locator('#mode-note').innerText(), /ZOOM_MEETING_SDK_KEY/);
      assert.equal(await page.locator(MAIN).getAttribute('signature-endpoint'), '/api/sim/signature');
    });
    const config = await fetch(server.url('/api/config'));
    assert.deepEqual(await config.json(), { realModeAvailable: false });
    const signature = await fetch(server.url('/api/signature'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ meetingNumber: '12345678901', role: 0 }),
    });
    assert.equal(signature.status, 503);
  });

  it('simulated endpoints are real HTTP: a signer with demo credentials, 503, HTML', async () => {
    const post = (path: string) =>
      fetch(server.url(path), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ meetingNumber: '12345678901', role: 0 }),
      });
    const signed = (await (await post('/api/sim/signature')).json()) as { signature: string; sdkKey: string };
    assert.equal(signed.sdkKey, 'demo-sdk-key');
    const payload = JSON.parse(Buffer.from(signed.signature.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    assert.equal(payload.mn, '12345678901');
    assert.equal(payload.appKey, 'demo-sdk-key');
    assert.equal((await post('/api/sim/endpoint-down')).status, 503);
    const html = await post('/api/sim/endpoint-html');
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    // Another origin may not spend the demo's signatures.
    const foreign = await fetch(server.url('/api/sim/signature'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ meetingNumber: '12345678901', role: 0 }),
    });
    assert.equal(foreign.status, 403);
  });
});
