// The SDK's realm on pages the test runner cannot make: a cross-origin isolated page (COOP + COEP), a page whose
// Content-Security-Policy forbids frames, and a browser with (fake) camera and microphone. Debian's Chromium, a
// plain static server, and src/sdk/sdk-realm.ts bundled as the page would get it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { startStaticServer, type StaticServer } from '../../cdn/static-server.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** What the page reports after trying to open a realm. */
interface Opened {
  error?: string;
  pageIsolated?: boolean;
  realmIsolated?: boolean;
  allow?: string | null;
  media?: string;
}

describe('SDK realm on real pages', { timeout: 120000 }, () => {
  let scratch: string;
  let browser: Browser;
  const servers: StaticServer[] = [];

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'zoom-join-realm-'));
    await build({ entryPoints: [join(root, 'src/sdk/sdk-realm.ts')], bundle: true, format: 'esm', outfile: join(scratch, 'sdk-realm.js'), logLevel: 'error' });
    writeFileSync(join(scratch, 'index.html'), '<!doctype html><html><body><div id="box" style="width:640px;height:400px"></div></body></html>');
    // Fake devices, and a prompt that answers yes: what a user who allows the camera and microphone does.
    // Precise memory figures, as the memory monitor's own tests read them.
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--enable-precise-memory-info']);
  });

  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function serve(documentHeaders: Record<string, string> = {}): Promise<StaticServer> {
    const server = await startStaticServer({ root: scratch, documentHeaders });
    servers.push(server);
    return server;
  }

  /** Opens the page, then a realm in its box; with `media`, asks for the camera and microphone inside it. */
  async function openRealmOn(server: StaticServer, options: { media?: boolean; allow?: string } = {}): Promise<{ page: Page; opened: Opened }> {
    const context = await browser.newContext();
    await context.grantPermissions(['camera', 'microphone'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    const opened = await page.evaluate(
      async ({ media, allow }) => {
        const bundle = '/sdk-realm.js';
        const { openSdkRealm } = (await import(bundle)) as typeof import('../../../src/sdk/sdk-realm.js');
        try {
          const realm = await openSdkRealm(document.getElementById('box')!, { loadTimeoutMs: 5000 });
          if (allow !== undefined) realm.frame.setAttribute('allow', allow);
          const result: Opened = {
            pageIsolated: crossOriginIsolated,
            realmIsolated: realm.window.crossOriginIsolated,
            allow: realm.frame.getAttribute('allow'),
          };
          if (media) {
            if (allow !== undefined) {
              // A changed allow attribute applies to the frame's next document.
              realm.frame.srcdoc = realm.frame.srcdoc;
              await new Promise((resolve) => realm.frame.addEventListener('load', resolve, { once: true }));
            }
            const frameWindow = realm.frame.contentWindow as Window & typeof globalThis;
            result.media = await frameWindow.navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(
              (stream) => stream.getTracks().map((track) => track.kind).sort().join(','),
              (error: DOMException) => error.name,
            );
          }
          return result;
        } catch (error) {
          return { error: `${(error as Error).name}: ${(error as Error).message}` };
        }
      },
      { media: options.media ?? false, allow: options.allow },
    );
    return { page, opened };
  }

  it('on a cross-origin isolated page the realm is isolated too, because the frame is allowed to be', async () => {
    const server = await serve({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    const { page, opened } = await openRealmOn(server);
    try {
      assert.equal(opened.error, undefined);
      assert.equal(opened.pageIsolated, true, 'COOP + COEP make the page isolated');
      assert.equal(opened.realmIsolated, true, 'SharedArrayBuffer is there for the SDK inside the frame');
      assert.match(opened.allow ?? '', /cross-origin-isolated/);
    } finally {
      await page.context().close();
    }
  });

  it('on a page that is not isolated, neither is the realm, and isolation is not asked for', async () => {
    const { page, opened } = await openRealmOn(await serve());
    try {
      assert.deepEqual([opened.pageIsolated, opened.realmIsolated], [false, false]);
      assert.doesNotMatch(opened.allow ?? '', /cross-origin-isolated/);
    } finally {
      await page.context().close();
    }
  });

  it("camera and microphone reach the user from inside the realm; the frame's own policy is what decides", async () => {
    const server = await serve();
    const allowed = await openRealmOn(server, { media: true });
    const refused = await openRealmOn(server, { media: true, allow: "camera 'none'; microphone 'none'" });
    try {
      assert.equal(allowed.opened.media, 'audio,video', 'both fake devices were handed to the frame');
      assert.equal(refused.opened.media, 'NotAllowedError', 'a frame whose allow attribute withholds them gets none');
    } finally {
      await allowed.page.context().close();
      await refused.page.context().close();
    }
  });

  it("a Content-Security-Policy frame-src 'none' does not stop it: a srcdoc frame is the page's own document", async () => {
    const server = await serve({ 'Content-Security-Policy': "frame-src 'none'; script-src 'self'" });
    const { page, opened } = await openRealmOn(server);
    try {
      assert.equal(opened.error, undefined, 'the realm opened');
      assert.equal(await page.locator('#box iframe').count(), 1);
    } finally {
      await page.context().close();
    }
  });

  it("what the SDK allocates in the realm shows in the page's performance.memory, which the memory monitor reads", async () => {
    const server = await serve();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/index.html`);
      const grewMb = await page.evaluate(async () => {
        const bundle = '/sdk-realm.js';
        const { openSdkRealm } = (await import(bundle)) as typeof import('../../../src/sdk/sdk-realm.js');
        const realm = await openSdkRealm(document.getElementById('box')!);
        // performance.memory is a snapshot: read it anew each time.
        const timing = performance as Performance & { memory: { usedJSHeapSize: number } };
        const before = timing.memory.usedJSHeapSize;
        // About 80 MB held by the frame's global, as a leaking SDK would hold it.
        (realm.window as unknown as { held: unknown }).held = realm.window.Array.from({ length: 4e6 }, (_, index) => ({ index }));
        return (timing.memory.usedJSHeapSize - before) / 1e6;
      });
      assert.ok(grewMb > 50, `the page's heap reading grew with the frame's allocation (${grewMb.toFixed(1)} MB)`);
    } finally {
      await context.close();
    }
  });
});
