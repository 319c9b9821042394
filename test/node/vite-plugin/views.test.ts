// zoom-join/vite copies (and serves) only the files of @zoom/meetingsdk/dist that the chosen SDK views load.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { planAssets } from '../../../src/assets/plan.js';
import { sdkRealmScripts, sdkViewFiles, type SdkViewName } from '../../../src/sdk/view-files.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { findSdkDist, zoomSdkAssets } from '../../../vite-plugin/index.js';
import { device } from '../assets/devices.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sdkDist = findSdkDist(repoRoot);

function filesUnder(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

const everyFile = filesUnder(sdkDist);
const avManifest = Object.keys(JSON.parse(readFileSync(join(sdkDist, 'lib/av/manifest.json'), 'utf8')) as Record<string, unknown>);
const expected = (views: readonly SdkViewName[]): string[] => sdkViewFiles(views, everyFile, avManifest).sort();
const megabytes = (dir: string, files: readonly string[]): string =>
  (files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1e6).toFixed(1);

/** Every file the element itself asks for with `view`: its scripts, the manifest, and any asset plan's files. */
function elementRequests(view: SdkViewName): string[] {
  const base = 'https://app.example/zoom-sdk/';
  const files = new Set([...sdkRealmScripts(view, `${base}lib`).map((url) => url.slice(base.length)), 'lib/av/manifest.json']);
  for (const wasmSimd of [true, false]) {
    for (const wasmThreads of [true, false]) {
      for (const sharedArrayBuffer of [true, false]) {
        for (const chromiumVersion of [90, 130, undefined]) {
          for (const android of [true, false]) {
            const capabilities = device({ wasmSimd, wasmThreads, sharedArrayBuffer, chromiumVersion, android });
            for (const asset of planAssets({ view, capabilities, virtualBackground: 'enforce' }).files) files.add(`lib/av/${asset.path}`);
          }
        }
      }
    }
  }
  return [...files].sort();
}

describe('zoom-join/vite: the files each choice of views copies', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'zoom-join-vite-build-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title><zoom-join></zoom-join>');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const choices: Array<{ name: string; views?: SdkViewName[]; expect: SdkViewName[] }> = [
    { name: 'default (both views)', expect: ['component', 'client'] },
    { name: "views: ['component']", views: ['component'], expect: ['component'] },
    { name: "views: ['client']", views: ['client'], expect: ['client'] },
  ];
  for (const choice of choices) {
    it(`${choice.name}: copies exactly what those views load`, async (t) => {
      const outDir = join(root, `dist-${choice.expect.join('-')}`);
      await build({
        configFile: false,
        root,
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
        plugins: [zoomSdkAssets({ sdkDist, ...(choice.views ? { views: choice.views } : {}) })],
      });
      const copied = filesUnder(join(outDir, 'zoom-sdk')).sort();
      t.diagnostic(
        `${choice.name}: ${copied.length} files, ${megabytes(join(outDir, 'zoom-sdk'), copied)} MB ` +
          `(the whole dist/: ${everyFile.length} files, ${megabytes(sdkDist, everyFile)} MB)`,
      );
      assert.deepEqual(copied, expected(choice.expect));
      for (const view of choice.expect) {
        const missing = elementRequests(view).filter((file) => !copied.includes(file));
        assert.deepEqual(missing, [], `the ${view} view's element asks for files that were not copied`);
      }
      rmSync(outDir, { recursive: true, force: true });
    });
  }

  it('leaves out what no view loads, and each view what only the other loads', () => {
    const both = expected(['component', 'client']);
    for (const bundle of ['zoom-meeting-embedded-ES5.min.js', 'zoomus-websdk.umd.min.js']) assert.ok(!both.includes(bundle), bundle);
    const component = expected(['component']);
    assert.ok(!component.includes('zoom-meeting-6.2.0.min.js') && !component.some((file) => file.startsWith('ui/')));
    const client = expected(['client']);
    assert.ok(!client.includes('zoomus-websdk-embedded.umd.min.js'));
  });

  it('says how to install the SDK when it cannot find it', () => {
    assert.throws(() => findSdkDist(tmpdir()), /npm install @zoom\/meetingsdk@6\.2\.0\), or pass its dist\/ folder as zoomSdkAssets\(\{ sdkDist \}\)/);
  });

  it('refuses a views option that names no view', () => {
    assert.throws(() => zoomSdkAssets({ views: [] }), /list the views your pages use/);
    assert.throws(() => zoomSdkAssets({ views: ['Client' as SdkViewName] }), /got Client/);
  });
});

describe("zoom-join/vite on a dev server with views: ['component']", () => {
  let server: DevServer;
  let origin = '';

  before(async () => {
    server = await startDevServer([zoomSdkAssets({ sdkDist, views: ['component'] })]);
    origin = server.origin;
  });

  after(() => server?.close());

  it('serves the files the build copies, and answers the others 404 saying which view needs them', async () => {
    for (const path of ['zoomus-websdk-embedded.umd.min.js', 'lib/vendor/react.min.js', 'lib/av/js_media.min.js', 'lib/image/blur.png']) {
      const response = await fetch(`${origin}/zoom-sdk/${path}`, { method: 'HEAD' });
      assert.equal(response.status, 200, path);
    }
    const client = await fetch(`${origin}/zoom-sdk/zoom-meeting-6.2.0.min.js`);
    assert.equal(client.status, 404);
    assert.match(await client.text(), /client view.*add 'client' to zoomSdkAssets\(\{ views \}\)/);
    const unused = await fetch(`${origin}/zoom-sdk/zoom-meeting-embedded-ES5.min.js`);
    assert.equal(unused.status, 404);
    assert.match(await unused.text(), /no SDK view loads it/);
  });
});
