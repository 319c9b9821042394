// `zoom-join doctor --asset-path [--page]`: against a static host serving the installed SDK's real dist/lib, the
// same host broken the ways real hosts are, and pages with and without cross-origin isolation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { diagnoseAssetPath } from '../../../doctor/asset-path.js';
import { hasProblem, renderText, type Section } from '../../../doctor/report.js';
import { libHost, otherVersionManifest, pageHost, runCli, type Running } from './servers.js';

const ISOLATING = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const CORS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

/** The findings about the served version, for the newest tested: recognised, supported, Zoom's policy. */
const SERVED_VERSION = ['manifest:ok', 'sdk-version:info', 'sdk-range:ok', 'zoom-support:info'];

const marks = (sections: Section[], section = 0) => sections[section]?.findings.map((finding) => `${finding.check}:${finding.mark}`);

async function withHosts<T>(hosts: Promise<Running>[], body: (running: Running[]) => Promise<T>): Promise<T> {
  const running = await Promise.all(hosts);
  try {
    return await body(running);
  } finally {
    await Promise.all(running.map((host) => host.close()));
  }
}

describe('zoom-join doctor --asset-path', () => {
  let good: Running;
  before(async () => {
    good = await libHost();
  });
  after(() => good.close());

  it('the installed SDK served correctly from the page\'s origin: every check passes; exit 0', async () => {
    const run = await runCli(['doctor', '--asset-path', `${good.url}/lib/`, '--origin', good.url]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ av\/manifest\.json is @zoom\/meetingsdk 6\.2\.0's \(recognised by its js_media\.min\.js hash\)\./);
    assert.match(run.stdout, /✔ 6\.2\.0 is inside the versions zoom-join supports \(\^5\.0\.0 \|\| \^6\.0\.0\), and one its suites run/);
    assert.match(run.stdout, /✔ av\/js_media\.min\.js is served as text\/javascript\./);
    assert.match(run.stdout, /✔ av\/audio_simd\.min\.js is served as text\/javascript\./);
    assert.match(run.stdout, /✔ av\/audio\.simd\.wasm is served as application\/wasm\./);
    assert.match(run.stdout, /✔ Nothing found that stops a join\.\n$/);
  });

  it('.wasm served as application/octet-stream: a problem naming the file and the fix; exit 1', async () => {
    await withHosts([libHost({ types: { '.wasm': 'application/octet-stream' } })], async ([host]) => {
      const run = await runCli(['doctor', '--asset-path', `${host!.url}/lib`]);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /✖ av\/audio\.simd\.wasm is served with Content-Type application\/octet-stream, not application\/wasm\./);
      assert.match(run.stdout, /→ Serve \.wasm files as application\/wasm/);
    });
  });

  it('.js without a script type and with nosniff: a problem; without nosniff only a warning', async () => {
    await withHosts(
      [libHost({ types: { '.js': 'text/plain' }, headers: { 'x-content-type-options': 'nosniff' } }), libHost({ types: { '.js': 'text/plain' } })],
      async ([strict, lax]) => {
        const blocked = await diagnoseAssetPath({ assetPath: `${strict!.url}/lib` });
        assert.deepEqual(marks(blocked), ['page-origin:info', ...SERVED_VERSION, 'js-mime:problem', 'js-mime:problem', 'wasm-mime:ok']);
        const warned = await diagnoseAssetPath({ assetPath: `${lax!.url}/lib` });
        assert.deepEqual(marks(warned), ['page-origin:info', ...SERVED_VERSION, 'js-mime:warning', 'js-mime:warning', 'wasm-mime:ok']);
        assert.equal(hasProblem(warned), false);
      },
    );
  });

  it('a single-page-app fallback answering HTML where the files should be: the element\'s own message', async () => {
    await withHosts([libHost({ htmlFallback: true })], async ([host]) => {
      const sections = await diagnoseAssetPath({ assetPath: `${host!.url}/static/lib` });
      assert.deepEqual(marks(sections), ['page-origin:info', 'asset-path-invalid:problem']);
      const text = renderText(sections);
      assert.match(text, /✖ The asset path answered with an HTML page instead of the SDK's manifest\./);
      assert.match(text, /single-page-app fallback or a login page/);
    });
  });

  it('another SDK version\'s files: asset-version-mismatch; exit 1', async () => {
    await withHosts([libHost({ manifest: otherVersionManifest() })], async ([host]) => {
      const run = await runCli(['doctor', '--asset-path', `${host!.url}/lib`, '--json']);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout) as { ok: boolean; sections: Section[] };
      assert.equal(report.ok, false);
      assert.deepEqual(marks(report.sections), ['page-origin:info', 'asset-version-mismatch:problem']);
      assert.match(report.sections[0]?.findings[1]?.message ?? '', /not a @zoom\/meetingsdk version the element recognises by itself \(5\.0\.0, 6\.2\.0/);
    });
  });

  it('a 404 for the whole folder: the element\'s message', async () => {
    const sections = await diagnoseAssetPath({ assetPath: `${good.url}/nothing-here` });
    assert.match(renderText(sections), /✖ The asset path answered HTTP 404 for av\/manifest\.json\./);
  });

  it('another origin without CORS: the manifest, the worker and the wasm cannot be read by the page', async () => {
    await withHosts([pageHost()], async ([page]) => {
      const sections = await diagnoseAssetPath({ assetPath: `${good.url}/lib`, page: `${page!.url}/` });
      assert.deepEqual(marks(sections), [
        ...SERVED_VERSION,
        'asset-cors:problem',
        'js-mime:ok',
        'asset-corp:ok',
        'js-mime:ok',
        'asset-cors:problem',
        'wasm-mime:ok',
        'asset-cors:problem',
      ]);
      assert.match(renderText(sections), /✖ av\/audio\.simd\.wasm carries no Access-Control-Allow-Origin, so a page on http:\/\/127\.0\.0\.1:\d+ cannot read it\./);
    });
  });

  it('another origin with CORS, from a page without COOP/COEP: joins, with what isolation would add', async () => {
    await withHosts([libHost({ headers: CORS }), pageHost()], async ([host, page]) => {
      const run = await runCli(['doctor', '--asset-path', `${host!.url}/lib`, '--page', `${page!.url}/`]);
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /! The page is not cross-origin isolated \(Cross-Origin-Opener-Policy: \(none\), Cross-Origin-Embedder-Policy: \(none\)\); joining works, with fewer features\./);
      assert.match(run.stdout, /· Noise suppression: off \(needs SharedArrayBuffer/);
      assert.match(run.stdout, /· Gallery view: on \(through WebRTC video \(video_webrtc_mode=1/);
      assert.match(run.stdout, /✔ av\/audio\.simd\.wasm may be read by a page on http:\/\/127\.0\.0\.1:\d+\./);
    });
  });

  it('an isolated page (COOP same-origin, COEP require-corp): isolation on, features on, assets need CORS or CORP', async () => {
    await withHosts([libHost({ headers: CORS }), libHost(), pageHost(ISOLATING)], async ([allowed, bare, page]) => {
      const ok = await diagnoseAssetPath({ assetPath: `${allowed!.url}/lib`, page: `${page!.url}/` });
      assert.equal(hasProblem(ok), false, renderText(ok));
      assert.deepEqual(marks(ok, 1)?.slice(0, 2), ['isolation:ok', 'feature-galleryView:info']);
      const text = renderText(ok);
      assert.match(text, /✔ The page is cross-origin isolated/);
      assert.match(text, /· Multithreaded WebAssembly: on\./);
      assert.match(text, /✔ av\/video\.mtsimd\.wasm|✔ av\/audio\.simd\.wasm/);
      const blocked = await diagnoseAssetPath({ assetPath: `${bare!.url}/lib`, page: `${page!.url}/` });
      // On an isolated page even js_media (loaded with crossorigin) needs CORS or CORP.
      assert.deepEqual(marks(blocked).filter((mark) => mark.startsWith('asset-')), [
        'asset-cors:problem',
        'asset-cors:problem',
        'asset-cors:problem',
        'asset-cors:problem',
      ]);
    });
  });

  it('Cross-Origin-Resource-Policy: same-origin on another origin: js_media cannot load as a script', async () => {
    await withHosts([libHost({ headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'same-origin' } }), pageHost()], async ([host, page]) => {
      const sections = await diagnoseAssetPath({ assetPath: `${host!.url}/lib`, page: `${page!.url}/` });
      assert.ok(marks(sections)?.includes('asset-corp:problem'));
      assert.match(renderText(sections), /✖ av\/js_media\.min\.js sends Cross-Origin-Resource-Policy: same-origin/);
    });
  });
});
