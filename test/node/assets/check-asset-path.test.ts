import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkAssetPath, checkAssetPathOnce, checkServedSdk, forgetAssetPathChecks, servedSdkVersion } from '../../../src/assets/check-asset-path.js';
import { ZoomJoinError } from '../../../src/zoom-join-error.js';

const LIB = 'https://app.example/zoom-sdk/lib';
const installedManifest = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../node_modules/@zoom/${name}/dist/lib/av/manifest.json`, import.meta.url)), 'utf8');
/** The newest tested SDK's manifest, and the oldest's (the npm alias @zoom/meetingsdk-oldest). */
const realManifest = installedManifest('meetingsdk');
const oldestManifest = installedManifest('meetingsdk-oldest');

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeFetch(answer: () => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), ...(init ? { init } : {}) });
    return answer();
  };
  return { fetch: impl as typeof fetch, calls };
}

const json = (body: string, status = 200): Response => new Response(body, { status, headers: { 'content-type': 'application/json' } });

/** What the error panel says to do: the cause and the steps. */
const advice = (error: ZoomJoinError): string => [error.hint, ...error.steps].join(' ');

async function failure(promise: Promise<unknown>): Promise<ZoomJoinError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ZoomJoinError, `a ZoomJoinError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

beforeEach(() => forgetAssetPathChecks());

describe('checkAssetPath', () => {
  test('the installed 6.2.0 manifest passes and is returned', async () => {
    const { fetch, calls } = fakeFetch(() => json(realManifest));
    const manifest = await checkAssetPath(LIB, { fetch });
    assert.equal(manifest['js_media.min.js']?.size, 1659481);
    assert.equal(calls[0]?.url, `${LIB}/av/manifest.json`);
    // The request js_media's own fetch-with-cache makes, so the browser may answer that one from cache.
    assert.deepEqual(calls[0]?.init?.headers, { Accept: 'application/json' });
  });

  test('404 → asset-path-invalid (category assets), with the status and the URL', async () => {
    const { fetch } = fakeFetch(() => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
    const error = await failure(checkAssetPath(LIB, { fetch }));
    assert.equal(error.code, 'asset-path-invalid');
    assert.equal(error.category, 'assets');
    assert.match(error.message, /HTTP 404/);
    assert.ok(error.message.includes(`${LIB}/av/manifest.json`));
    assert.match(advice(error), /dist\/lib/);
    assert.equal(error.retryable, true);
  });

  test('an HTML page (SPA fallback answering 200) → asset-path-invalid mentioning the fallback', async () => {
    for (const response of [
      () => new Response('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } }),
      () => new Response('  <html></html>', { headers: { 'content-type': 'application/octet-stream' } }),
    ]) {
      const error = await failure(checkAssetPath(LIB, { fetch: fakeFetch(response).fetch }));
      assert.equal(error.code, 'asset-path-invalid');
      assert.match(error.message, /HTML/);
      assert.match(advice(error), /single-page-app fallback/);
    }
  });

  test('not JSON, or JSON that is not a manifest → asset-path-invalid', async () => {
    for (const body of ['{not json', '{}', '[]', '{"js_media.min.js": {"size": "big"}}', '{"other.js": {"hash": "' + 'a'.repeat(64) + '", "size": 1}}']) {
      const error = await failure(checkAssetPath(LIB, { fetch: fakeFetch(() => json(body)).fetch }));
      assert.equal(error.code, 'asset-path-invalid', body);
    }
  });

  test('another version (js_media hash or size differs) → asset-version-mismatch, not retryable', async () => {
    const other = JSON.parse(realManifest) as Record<string, { hash: string; size: number }>;
    other['js_media.min.js'] = { hash: 'f'.repeat(64), size: 1_700_000 };
    const error = await failure(checkAssetPath(LIB, { fetch: fakeFetch(() => json(JSON.stringify(other))).fetch }));
    assert.equal(error.code, 'asset-version-mismatch');
    assert.equal(error.category, 'assets');
    assert.equal(error.retryable, false);
    assert.match(error.message, /5\.0\.0, 6\.2\.0/);
    assert.match(advice(error), /after every SDK upgrade/);
    assert.match(advice(error), /Set sdk-version/);
  });

  test('unreachable (DNS, CORS) → asset-path-invalid with a CORS hint and the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { fetch } = fakeFetch(() => Promise.reject(cause));
    const error = await failure(checkAssetPath(LIB, { fetch }));
    assert.equal(error.code, 'asset-path-invalid');
    assert.match(advice(error), /Access-Control-Allow-Origin/);
    assert.equal(error.cause, cause);
  });

  test('abort rejects with the signal reason, not a ZoomJoinError', async () => {
    const controller = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    const { fetch } = fakeFetch(() => {
      controller.abort(reason);
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    await assert.rejects(checkAssetPath(LIB, { fetch, signal: controller.signal }), (error) => error === reason);
  });
});

describe('checkAssetPathOnce', () => {
  test('one request per lib URL, shared by every caller', async () => {
    const { fetch, calls } = fakeFetch(() => json(realManifest));
    const [a, b] = await Promise.all([checkAssetPathOnce(LIB, { fetch }), checkAssetPathOnce(LIB, { fetch })]);
    assert.equal(a, b);
    await checkAssetPathOnce(LIB, { fetch });
    assert.equal(calls.length, 1);
  });

  test('a failure is forgotten, so a retry after fixing the server checks again', async () => {
    let status = 404;
    const { fetch, calls } = fakeFetch(() => (status === 404 ? new Response('', { status }) : json(realManifest)));
    await failure(checkAssetPathOnce(LIB, { fetch }));
    status = 200;
    await checkAssetPathOnce(LIB, { fetch });
    assert.equal(calls.length, 2);
  });

  test("one caller's abort does not cancel the shared check for the others", async () => {
    let release: (response: Response) => void = () => undefined;
    const { fetch } = fakeFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const aborted = checkAssetPathOnce(LIB, { fetch, signal: controller.signal });
    const other = checkAssetPathOnce(LIB, { fetch });
    controller.abort(new DOMException('gone', 'AbortError'));
    await assert.rejects(aborted, { name: 'AbortError' });
    release(json(realManifest));
    assert.ok((await other).manifest['js_media.min.js']);
  });
});

describe('which SDK version an asset path serves', () => {
  const unknownVersion = (): string => {
    const other = JSON.parse(realManifest) as Record<string, { hash: string; size: number }>;
    other['js_media.min.js'] = { hash: 'e'.repeat(64), size: 1_650_000 };
    return JSON.stringify(other);
  };

  test('both tested versions are recognised from their own installed manifests', async () => {
    assert.equal((await checkServedSdk(LIB, { fetch: fakeFetch(() => json(realManifest)).fetch })).version, '6.2.0');
    const oldest = await checkServedSdk(LIB, { fetch: fakeFetch(() => json(oldestManifest)).fetch });
    assert.equal(oldest.version, '5.0.0');
    // The sizes the plan weighs are the served version's own.
    assert.equal(oldest.manifest['js_media.min.js']?.size, (JSON.parse(oldestManifest) as Record<string, { size: number }>)['js_media.min.js']?.size);
  });

  test('sdk-version naming another version than the recognised one → asset-version-mismatch naming both', async () => {
    const error = await failure(checkServedSdk(LIB, { fetch: fakeFetch(() => json(oldestManifest)).fetch, sdkVersion: '6.2.0' }));
    assert.equal(error.code, 'asset-version-mismatch');
    assert.match(error.message, /are @zoom\/meetingsdk 5\.0\.0, not 6\.2\.0/);
    assert.match(advice(error), /sdk-version="5\.0\.0"/);
  });

  test('a version the element has no witness for is taken from sdk-version (within the range)', async () => {
    const served = await checkServedSdk(LIB, { fetch: fakeFetch(() => json(unknownVersion())).fetch, sdkVersion: '6.1.0' });
    assert.equal(served.version, '6.1.0');
  });

  test('sdk-version naming a known version whose witness differs → asset-version-mismatch', async () => {
    const error = await failure(checkServedSdk(LIB, { fetch: fakeFetch(() => json(unknownVersion())).fetch, sdkVersion: '5.0.0' }));
    assert.equal(error.code, 'asset-version-mismatch');
    assert.match(error.message, /not @zoom\/meetingsdk 5\.0\.0, as sdk-version says/);
  });

  test('checkAssetPathOnce remembers the version for the frame that loads the SDK', async () => {
    assert.equal(servedSdkVersion(LIB), undefined);
    await checkAssetPathOnce(LIB, { fetch: fakeFetch(() => json(oldestManifest)).fetch });
    assert.equal(servedSdkVersion(LIB), '5.0.0');
    assert.equal(servedSdkVersion(`${LIB}/`), '5.0.0');
  });
});
