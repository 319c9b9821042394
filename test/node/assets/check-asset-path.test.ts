import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkAssetPath, checkAssetPathOnce, forgetAssetPathChecks } from '../../../src/assets/check-asset-path.js';
import { ZoomJoinError } from '../../../src/zoom-join-error.js';

const LIB = 'https://app.example/zoom-sdk/lib';
const realManifest = readFileSync(
  fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk/dist/lib/av/manifest.json', import.meta.url)),
  'utf8',
);

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
    assert.match(error.message, /6\.2\.0/);
    assert.match(advice(error), /after every SDK upgrade/);
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
    assert.ok((await other)['js_media.min.js']);
  });
});
