import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILTIN_MANIFEST } from '../../../src/assets/builtin-manifest.js';
import { device, isolated } from './devices.js';
import type { Capabilities } from '../../../src/assets/capabilities.js';
import { planAssets, type AssetPlan } from '../../../src/assets/plan.js';


const paths = (plan: AssetPlan, stage?: string): string[] =>
  plan.files.filter((file) => !stage || file.stage === stage).map((file) => file.path);

describe('planAssets: Component View media files per capability combination', () => {
  const cases: Array<[string, Partial<Capabilities>, string[]]> = [
    [
      'SIMD + threads + SharedArrayBuffer on Chromium > 100: the combined video/share worker',
      { ...isolated },
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_share_mtsimd.min.js', 'video.mtsimd.wasm', 'net_thread.min.js'],
    ],
    [
      'SIMD + threads + SharedArrayBuffer on Chromium 100 exactly (the SDK wants > 100): mtsimd workers',
      { ...isolated, chromiumVersion: 100 },
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_mtsimd.min.js', 'sharing_mtsimd.min.js', 'video.mtsimd.wasm', 'net_thread.min.js'],
    ],
    [
      'SIMD + threads + SharedArrayBuffer on Android Chromium: mtsimd workers, no combined worker',
      { ...isolated, android: true },
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_mtsimd.min.js', 'sharing_mtsimd.min.js', 'video.mtsimd.wasm', 'net_thread.min.js'],
    ],
    [
      'SIMD + threads + SharedArrayBuffer outside Chromium (Firefox, Safari): mtsimd workers',
      { ...isolated, chromiumVersion: undefined },
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_mtsimd.min.js', 'sharing_mtsimd.min.js', 'video.mtsimd.wasm', 'net_thread.min.js'],
    ],
    [
      'threads + SharedArrayBuffer without SIMD: mt workers and the plain audio worker',
      { ...isolated, wasmSimd: false },
      ['js_audio_process.min.js', 'audio.encode.wasm', 'video_m.min.js', 'sharing_m.min.js', 'video.mt.wasm', 'net_thread.min.js'],
    ],
    [
      'SIMD without SharedArrayBuffer (not isolated, the common case): simd workers',
      {},
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_simd.min.js', 'sharing_simd.min.js', 'video.simd.wasm', 'net_thread.min.js'],
    ],
    [
      'SIMD, isolated, but the wasm threads proposal does not validate: simd workers',
      { ...isolated, wasmThreads: false },
      ['audio_simd.min.js', 'audio.simd.wasm', 'video_simd.min.js', 'sharing_simd.min.js', 'video.simd.wasm', 'net_thread.min.js'],
    ],
    [
      'neither SIMD nor SharedArrayBuffer: the plain workers',
      { wasmSimd: false, wasmThreads: false },
      ['js_audio_process.min.js', 'audio.encode.wasm', 'video_s.min.js', 'sharing_s.min.js', 'video.decode.wasm', 'net_thread.min.js'],
    ],
    [
      'threads validate but no SharedArrayBuffer and no SIMD: still the plain workers (threads need SAB)',
      { wasmSimd: false, wasmThreads: true },
      ['js_audio_process.min.js', 'audio.encode.wasm', 'video_s.min.js', 'sharing_s.min.js', 'video.decode.wasm', 'net_thread.min.js'],
    ],
  ];

  for (const [name, overrides, expected] of cases) {
    test(name, () => {
      const plan = planAssets({ view: 'component', capabilities: device(overrides) });
      assert.deepEqual(paths(plan, 'join'), ['js_media.min.js']);
      assert.deepEqual(paths(plan, 'media'), expected);
      assert.deepEqual(paths(plan, 'virtual-background'), []);
      assert.equal(plan.files[0]?.path, 'js_media.min.js', 'js_media comes first');
    });
  }
});

describe('planAssets: file records', () => {
  test('js_media is a script request; workers and wasm are fetches; kinds follow the extension', () => {
    const plan = planAssets({ view: 'component', capabilities: device(), virtualBackground: 'preload' });
    for (const file of plan.files) {
      assert.equal(file.request, file.path === 'js_media.min.js' ? 'script' : 'fetch', file.path);
      const kind = file.path.endsWith('.js') ? 'js' : file.path.endsWith('.wasm') ? 'wasm' : 'other';
      assert.equal(file.kind, kind, file.path);
    }
    assert.equal(plan.files.find((file) => file.path === 'vb-resource/dualModel.bin')?.kind, 'other');
  });

  test('sizes come from the built-in table for 6.2.0 and add up', () => {
    const plan = planAssets({ view: 'component', capabilities: device() });
    assert.equal(plan.sizesFrom, 'builtin');
    assert.equal(plan.sdkVersion, '6.2.0');
    assert.equal(plan.files[0]?.size, BUILTIN_MANIFEST['js_media.min.js'].size);
    assert.equal(plan.totalBytes, plan.files.reduce((sum, file) => sum + file.size, 0));
    assert.ok(plan.files.every((file) => file.size > 0));
    assert.deepEqual(plan.warnings, []);
  });

  test('a fetched manifest wins over the built-in sizes', () => {
    const manifest = { 'js_media.min.js': { size: 123, hash: 'a'.repeat(64) } };
    const plan = planAssets({ view: 'component', capabilities: device(), manifest });
    assert.equal(plan.sizesFrom, 'manifest');
    assert.equal(plan.files[0]?.size, 123);
    // Files the manifest does not list fall back to the built-in table.
    assert.equal(plan.files[1]?.size, BUILTIN_MANIFEST['audio_simd.min.js'].size);
  });

  test('another SDK version without a manifest: sizes unknown (0) and a warning', () => {
    const plan = planAssets({ view: 'component', capabilities: device(), sdkVersion: '9.9.9' });
    assert.equal(plan.sizesFrom, 'none');
    assert.ok(plan.files.every((file) => file.size === 0));
    assert.equal(plan.warnings[0]?.code, 'asset-sizes-unknown');
  });

  test('Client View: tp.min.js joins js_media as a script', () => {
    const plan = planAssets({ view: 'client', capabilities: device() });
    assert.deepEqual(paths(plan, 'join'), ['js_media.min.js', 'tp.min.js']);
    assert.ok(plan.files.filter((file) => file.stage === 'join').every((file) => file.request === 'script'));
    assert.equal(plan.view, 'client');
  });
});

describe('planAssets: Save-Data', () => {
  test('only the join stage, even with virtual-background=preload, and a warning saying why', () => {
    const plan = planAssets({ view: 'component', capabilities: device({ saveData: true }), virtualBackground: 'preload' });
    assert.deepEqual(paths(plan), ['js_media.min.js']);
    assert.deepEqual(plan.warnings.map((warning) => warning.code), ['save-data-media-skipped']);
  });
});

describe('planAssets: virtual background', () => {
  test('off (default): no vb-resource files', () => {
    const plan = planAssets({ view: 'component', capabilities: device() });
    assert.ok(!plan.files.some((file) => file.path.startsWith('vb')));
  });

  test('preload on a capable device (simd, not isolated): worker, tf, model, wasm backend with the simd wasm', () => {
    const plan = planAssets({ view: 'component', capabilities: device(), virtualBackground: 'preload' });
    assert.deepEqual(paths(plan, 'virtual-background'), [
      'vb_worker.min.js',
      'vb-resource/tf.min.js',
      'vb-resource/dualModel.bin',
      'vb-resource/tf-backend-wasm.min.js',
      'vb-resource/tfjs-backend-wasm-simd.wasm',
    ]);
    assert.deepEqual(plan.warnings, []);
  });

  test('enforce on an isolated device: the threaded-simd tfjs backend', () => {
    const plan = planAssets({ view: 'component', capabilities: device(isolated), virtualBackground: 'enforce' });
    assert.ok(paths(plan, 'virtual-background').includes('vb-resource/tfjs-backend-wasm-threaded-simd.wasm'));
    assert.ok(!paths(plan, 'virtual-background').includes('vb-resource/tfjs-backend-wasm-simd.wasm'));
  });

  test('no SIMD: no tfjs wasm backend (the package ships only simd builds of it)', () => {
    const plan = planAssets({ view: 'component', capabilities: device({ wasmSimd: false }), virtualBackground: 'preload' });
    assert.deepEqual(paths(plan, 'virtual-background'), ['vb_worker.min.js', 'vb-resource/tf.min.js', 'vb-resource/dualModel.bin']);
  });

  const weak: Array<[string, Partial<Capabilities>]> = [
    ['2 cores', { hardwareConcurrency: 2 }],
    ['2 GB of memory', { deviceMemory: 2 }],
    ['unknown core count', { hardwareConcurrency: undefined }],
  ];
  for (const [name, overrides] of weak) {
    for (const mode of ['preload', 'enforce'] as const) {
      test(`${mode} on a device with ${name}: skipped with vb-skipped-low-memory`, () => {
        const plan = planAssets({ view: 'component', capabilities: device(overrides), virtualBackground: mode });
        assert.deepEqual(paths(plan, 'virtual-background'), []);
        assert.equal(plan.warnings.length, 1);
        assert.equal(plan.warnings[0]?.code, 'vb-skipped-low-memory');
        assert.match(plan.warnings[0]?.message ?? '', /≥ 4 cores/);
      });
    }
  }

  test('4 cores and no deviceMemory (Firefox, Safari): affordable', () => {
    const plan = planAssets({ view: 'component', capabilities: device({ hardwareConcurrency: 4, deviceMemory: undefined }), virtualBackground: 'preload' });
    assert.equal(paths(plan, 'virtual-background').length, 5);
  });
});
