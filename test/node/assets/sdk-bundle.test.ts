// Checks the asset plan against the installed SDK's own code, so an SDK update that renames files or changes its
// selection fails here. Two sources:
//  - the Component View bundle (dist/zoomus-websdk-embedded.umd.min.js, what `@zoom/meetingsdk/embedded` loads):
//    its asset table and `preloadDependentAssets` — the SDK's own preload choice. That function is a static of an
//    internal base class; the exported ZoomMtgEmbedded wrapper does not expose it and nothing calls it, so in the
//    Component View the SDK never preloads by itself. It is ported here to compare choices.
//  - js_media.min.js: what actually runs after wc/info — worker/wasm pairs and how they are fetched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { device as caps } from './devices.js';
import type { Capabilities } from '../../../src/assets/capabilities.js';
import { planAssets } from '../../../src/assets/plan.js';

const dist = fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk/dist/', import.meta.url));
const embedded = readFileSync(`${dist}zoomus-websdk-embedded.umd.min.js`, 'utf8');
const jsMedia = readFileSync(`${dist}lib/av/js_media.min.js`, 'utf8');
const manifest = JSON.parse(readFileSync(`${dist}lib/av/manifest.json`, 'utf8')) as Record<string, unknown>;

interface SdkAsset {
  name: string;
  category: string;
  type: string;
  tag: string;
}

/** The bundle's asset table, e.g. `[{name:"audio_simd.min.js",category:"audio",type:"worker",tag:"simd",...},...]`. */
function sdkAssetTable(): SdkAsset[] {
  const match = /\[\{name:"audio_simd\.min\.js"[^\]]*\]/.exec(embedded);
  assert.ok(match, 'the asset table is in the bundle');
  const json = match[0].replace(/([{,])(\w+):/g, '$1"$2":');
  return JSON.parse(json) as SdkAsset[];
}

interface SdkProbe {
  simd: boolean;
  /** The SDK's threads probe: a SharedArrayBuffer can be posted and the threads module validates. */
  threads: boolean;
  /** Its videoShare test: browser name "chrome", version > 100, SharedArrayBuffer defined, not Android. */
  chromeAbove100WithSab: boolean;
}

/** A port of the bundle's preloadDependentAssets(): which files it would put in `<link rel=preload>`. */
function sdkPreloadChoice(table: SdkAsset[], probe: SdkProbe): string[] {
  const workers: string[] = [];
  const wasms: string[] = [];
  const pick = (categories: string[], tag: string): void => {
    for (const asset of table) {
      if (!categories.includes(asset.category)) continue;
      // The SDK's own match: equal tag, or the tag listed among comma-separated tags ("simd,thread,videoShare").
      if (asset.tag !== tag && !asset.tag.split(',').includes(tag)) continue;
      if (asset.type === 'worker') workers.push(asset.name);
      else if (asset.type === 'wasm') wasms.push(asset.name);
    }
  };
  pick(['audio'], probe.simd ? 'simd' : '');
  const video = ['video', 'sharing'];
  if (probe.simd && probe.chromeAbove100WithSab) pick(video, 'videoShare');
  else if (probe.simd && probe.threads) pick(video, 'simd,thread');
  else if (probe.threads) pick(video, 'thread');
  else if (probe.simd) pick(video, 'simd');
  else pick(video, '');
  pick(['common'], 'thread');
  return ['js_media.min.js', ...workers, ...wasms];
}


const planned = (capabilities: Capabilities): string[] =>
  planAssets({ view: 'component', capabilities }).files.map((file) => file.path);
const minus = (a: string[], b: string[]): string[] => a.filter((item) => !b.includes(item)).sort();

describe('the SDK bundle (Component View)', () => {
  test('its asset table names only files the package ships', () => {
    const table = sdkAssetTable();
    assert.ok(table.length >= 20);
    assert.deepEqual(table.filter((asset) => !(asset.name in manifest)).map((asset) => asset.name), []);
  });

  test('preloadDependentAssets keeps the branch order the port follows', () => {
    const order = ['"videoShare"', '"simd,thread"', '"thread"', '"simd"', '""'].map((tag) =>
      embedded.search(new RegExp(`[\\w$]+\\(\\["video","sharing"\\],${tag.replace(/[,"]/g, (c) => `\\${c}`)},[\\w$]+\\)`)),
    );
    assert.ok(order.every((index) => index > 0), `every branch present: ${order.join(',')}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'in this order');
    assert.match(embedded, /"chrome"===[\w$]+\.toLowerCase\(\)&&[\w$]+\([\w$]+,"100"\)>0/);
    assert.match(embedded, /[\w$]+\("common","thread",[\w$]+\)/);
    // Its links: as=script for js_media, as=fetch for the rest, all crossorigin=anonymous.
    assert.match(embedded, /\.rel="preload",[\w$]+\.href=[\w$]+,[\w$]+\.as=[\w$]+,[\w$]+\.crossOrigin="anonymous"/);
  });

  test('nothing calls preloadDependentAssets and the exported ZoomMtgEmbedded does not expose it', () => {
    assert.equal(embedded.split('preloadDependentAssets').length - 1, 1, 'only its definition');
    assert.match(embedded, /return class [\w$]+\{static embeddedClient;static createClient\(\)\{[^}]*\}static destroyClient\(\)/);
  });

  test('its script loader adds crossorigin=anonymous only on cross-origin-isolated pages (js_media preload must match)', () => {
    assert.match(embedded, /window\.crossOriginIsolated&&\([\w$]+\.crossOrigin="anonymous"\)/);
  });

  const cases: Array<[string, Partial<Capabilities>, SdkProbe, { onlySdk: string[]; onlyPlan: string[] }]> = [
    [
      'isolated Chromium > 100 with SIMD: identical',
      { sharedArrayBuffer: true, crossOriginIsolated: true },
      { simd: true, threads: true, chromeAbove100WithSab: true },
      { onlySdk: [], onlyPlan: [] },
    ],
    [
      'isolated, SIMD + threads, not Chromium > 100: the plan adds the wasm the SDK forgets (its "simd,thread" tag match misses "simd,thread,videoShare")',
      { sharedArrayBuffer: true, crossOriginIsolated: true, chromiumVersion: 99 },
      { simd: true, threads: true, chromeAbove100WithSab: false },
      { onlySdk: [], onlyPlan: ['video.mtsimd.wasm'] },
    ],
    [
      'not isolated, SIMD: the SDK would also preload the mtsimd files js_media cannot use without threads',
      {},
      { simd: true, threads: false, chromeAbove100WithSab: false },
      { onlySdk: ['sharing_mtsimd.min.js', 'video.mtsimd.wasm', 'video_mtsimd.min.js'], onlyPlan: [] },
    ],
    [
      'isolated, threads without SIMD: the SDK would also preload the mtsimd files (tag "thread" matches them)',
      { sharedArrayBuffer: true, crossOriginIsolated: true, wasmSimd: false },
      { simd: false, threads: true, chromeAbove100WithSab: false },
      { onlySdk: ['sharing_mtsimd.min.js', 'video.mtsimd.wasm', 'video_mtsimd.min.js'], onlyPlan: [] },
    ],
    [
      'no SIMD, no threads: identical',
      { wasmSimd: false, wasmThreads: false },
      { simd: false, threads: false, chromeAbove100WithSab: false },
      { onlySdk: [], onlyPlan: [] },
    ],
  ];
  for (const [name, capabilityOverrides, probe, expected] of cases) {
    test(`plan vs the SDK's own preload choice — ${name}`, () => {
      const sdk = sdkPreloadChoice(sdkAssetTable(), probe);
      const plan = planned(caps(capabilityOverrides));
      assert.equal(sdk[0], 'js_media.min.js');
      assert.equal(plan[0], 'js_media.min.js');
      assert.deepEqual(minus(sdk, plan), expected.onlySdk);
      assert.deepEqual(minus(plan, sdk), expected.onlyPlan);
    });
  }
});

describe('js_media.min.js (what runs after wc/info)', () => {
  /** `videoSIMDWorkerPath:"".concat(e,"/video_simd.min.js")` → alias → file name. */
  function aliases(): Map<string, string> {
    const map = new Map<string, string>();
    for (const match of jsMedia.matchAll(/(\w+):""\.concat\([\w$]+,"\/([\w.-]+\.(?:js|wasm))"\)/g)) {
      if (!map.has(match[1] as string)) map.set(match[1] as string, match[2] as string);
    }
    return map;
  }

  test('pairs each worker with the wasm the plan pairs it with', () => {
    const names = aliases();
    const pairs: Array<[string, string]> = [
      ['vsmiworkerpath', 'videoMSIMDWasm'],
      ['videoMSIMDWorkerPath', 'videoMSIMDWasm'],
      ['videoMtWorkerPath', 'videoMtWasm'],
      ['videoSIMDWorkerPath', 'videoSIMDWasm'],
      ['videoWorkerPath', 'videoWasm'],
      ['sharingMSIMDWorkerPath', 'videoMSIMDWasm'],
      ['sharingMtWorkerPath', 'videoMtWasm'],
      ['sharingSIMDWorkerPath', 'videoSIMDWasm'],
      ['sharingWorkerPath', 'videoWasm'],
    ];
    for (const [worker, wasm] of pairs) {
      const pattern = new RegExp(`workerJsFileUrl=[\\w$]+\\.${worker},[\\w$]+\\.workerWasmFileUrl=[\\w$]+\\.${wasm}`);
      assert.match(jsMedia, pattern, `${worker} runs with ${wasm}`);
    }
    const file = (alias: string): string => names.get(alias) ?? `?${alias}`;
    const plans: Array<[Partial<Capabilities>, string[]]> = [
      [{ sharedArrayBuffer: true, crossOriginIsolated: true }, [file('vsmiworkerpath'), file('videoMSIMDWasm')]],
      [{ sharedArrayBuffer: true, crossOriginIsolated: true, chromiumVersion: 99 }, [file('videoMSIMDWorkerPath'), file('sharingMSIMDWorkerPath'), file('videoMSIMDWasm')]],
      [{ sharedArrayBuffer: true, crossOriginIsolated: true, wasmSimd: false }, [file('videoMtWorkerPath'), file('sharingMtWorkerPath'), file('videoMtWasm')]],
      [{}, [file('videoSIMDWorkerPath'), file('sharingSIMDWorkerPath'), file('videoSIMDWasm')]],
      [{ wasmSimd: false, wasmThreads: false }, [file('videoWorkerPath'), file('sharingWorkerPath'), file('videoWasm')]],
    ];
    for (const [overrides, expected] of plans) {
      const media = planned(caps(overrides)).filter((path) => /^(video|sharing)/.test(path));
      assert.deepEqual(media.sort(), expected.sort());
    }
    assert.equal(file('audioWorkerSIMDPath'), 'audio_simd.min.js');
    assert.equal(file('audioSIMDWasm'), 'audio.simd.wasm');
    assert.equal(file('netThreadPath'), 'net_thread.min.js');
  });

  test('downloads worker code and wasm with fetch() from the page (so a page fetch() warms the same cache entry)', () => {
    // download(): fetch(url, {integrity?}) then .text() → a blob: worker.
    assert.match(jsMedia, /download\(e\)\{let t=[^;]*;if\([\w$]+\[e\]\)return [\w$]+\[e\];let i=new Promise\(\(async\(i,r\)=>\{let o=\{\};t&&\(o\.integrity=t\)/);
    // downloadAndCompileWebAssembly(): compileStreaming(fetch(url, {priority:"high"})) in the page.
    assert.match(jsMedia, /compileStreaming\(\(0,[\w$]+\.A\)\(e,\{priority:"high"\}\)\)/);
    // The workers ask the page for their wasm instead of fetching it themselves.
    const audioWorker = readFileSync(`${dist}lib/av/audio_simd.min.js`, 'utf8');
    assert.ok(audioWorker.includes('DOWNLOAD_WASM_FROM_MAIN_THREAD'));
  });

  test('virtual background files are the ones the plan names', () => {
    assert.ok(jsMedia.includes('"/vb_worker.min.js"'));
    assert.ok(jsMedia.includes('"/vb-resource/dualModel.bin"'));
    assert.ok(jsMedia.includes('"/vb-resource/tf.min.js"'));
    const vbWorker = readFileSync(`${dist}lib/av/vb_worker.min.js`, 'utf8');
    assert.ok(vbWorker.includes('"/vb-resource/tf-backend-wasm.min.js"'));
    assert.ok(vbWorker.includes('+"/vb-resource/"'));
  });
});
