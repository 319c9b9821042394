import { expect } from '@open-wc/testing';
import { ZoomJoinError } from '../../src/zoom-join-error.js';
import { fetchSignature, type SignatureRequestParams } from '../../src/signature/fetch-signature.js';
import { inspectSignature } from '../../src/signature/inspect.js';

// Real HTTP against test/support/signature-endpoint-middleware.mjs, served by the test runner itself.
const TEST_SDK_KEY = 'zoom-join-test-sdk-key';
const params: SignatureRequestParams = { meetingNumber: '12345678901', role: 0 };
/** Small delays keep the suite fast; only the tests about delays use real ones. */
const fast = { retryBaseDelayMs: 1, timeoutMs: 3000 };

let keyCounter = 0;
function uniqueKey(): string {
  keyCounter += 1;
  return `k${Date.now()}-${keyCounter}`;
}

async function attempts(key: string): Promise<number> {
  const response = await fetch(`/test-endpoint/attempts?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function zoomError(promise: Promise<unknown>): Promise<ZoomJoinError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(ZoomJoinError);
  const typed = error as ZoomJoinError;
  expect(typed.category).to.equal('signature');
  expect(typed.hint.length).to.be.greaterThan(20);
  expect(typed.steps.length, 'the steps say what to do').to.be.within(1, 4);
  return typed;
}

function expectAbortError(error: unknown): void {
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
  expect(error).not.to.be.instanceOf(ZoomJoinError);
}

/** Wraps window.fetch to capture the echo endpoint's JSON (fetchSignature returns only the signature). */
function echoingFetch(): { fetch: typeof fetch; last: () => Echo } {
  let echo: Echo | undefined;
  return {
    fetch: async (input, init) => {
      const response = await window.fetch(input, init);
      echo = ((await response.clone().json()) as { echo: Echo }).echo;
      return response;
    },
    last: () => {
      if (!echo) throw new Error('no echo captured');
      return echo;
    },
  };
}

interface Echo {
  method: string;
  headers: Record<string, string>;
  body: string;
  query: Record<string, string>;
}

describe('fetchSignature: the default request (Zoom sample protocol)', () => {
  it('POSTs JSON params and reads {signature, sdkKey}', async () => {
    const result = await fetchSignature('/test-endpoint/ok', { meetingNumber: '12345678901', role: 1 }, fast);
    expect(result.sdkKey).to.equal(TEST_SDK_KEY);
    const { payload, problems } = inspectSignature(result.signature, {
      meetingNumber: '123 4567 8901',
      role: 1,
      sdkKey: TEST_SDK_KEY,
    });
    expect(problems).to.deep.equal([]);
    expect(payload?.['mn']).to.equal('12345678901');
  });

  it('sends only the fields that are set, with JSON headers', async () => {
    const spy = echoingFetch();
    await fetchSignature('/test-endpoint/echo', params, { ...fast, fetch: spy.fetch });
    const echo = spy.last();
    expect(echo.method).to.equal('POST');
    expect(JSON.parse(echo.body)).to.deep.equal({ meetingNumber: '12345678901', role: 0 });
    expect(echo.headers['content-type']).to.equal('application/json');
    expect(echo.headers['accept']).to.equal('application/json');
  });

  it('sends videoWebRtcMode and expirationSeconds when given, and the endpoint honours them', async () => {
    const spy = echoingFetch();
    const full: SignatureRequestParams = { ...params, videoWebRtcMode: 1, expirationSeconds: 3600 };
    const result = await fetchSignature('/test-endpoint/echo', full, { ...fast, fetch: spy.fetch });
    expect(JSON.parse(spy.last().body)).to.deep.equal({ ...full });
    const { payload } = inspectSignature(result.signature);
    expect(payload?.['video_webrtc_mode']).to.equal(1);
    expect(Number(payload?.['exp']) - Number(payload?.['iat'])).to.equal(3600);
  });
});

describe('fetchSignature: custom requests', () => {
  it('uses the given method, headers and body builder (objects become JSON)', async () => {
    const spy = echoingFetch();
    await fetchSignature('/test-endpoint/echo', params, {
      ...fast,
      fetch: spy.fetch,
      method: 'put',
      headers: { 'X-CSRF-Token': 'csrf-123', Accept: 'application/vnd.signature+json' },
      body: (p) => ({ meeting: { number: p.meetingNumber, role: p.role } }),
    });
    const echo = spy.last();
    expect(echo.method).to.equal('PUT');
    expect(echo.headers['x-csrf-token']).to.equal('csrf-123');
    expect(echo.headers['accept']).to.equal('application/vnd.signature+json');
    expect(JSON.parse(echo.body)).to.deep.equal({ meeting: { number: '12345678901', role: 0 } });
  });

  it('sends a BodyInit from the builder as is', async () => {
    const spy = echoingFetch();
    await fetchSignature('/test-endpoint/echo', params, {
      ...fast,
      fetch: spy.fetch,
      body: (p) => new URLSearchParams({ meetingNumber: p.meetingNumber, role: String(p.role) }),
    });
    expect(spy.last().body).to.equal('meetingNumber=12345678901&role=0');
    expect(spy.last().headers['content-type']).to.match(/x-www-form-urlencoded/);
  });

  it('GET puts the params in the query string', async () => {
    const spy = echoingFetch();
    await fetchSignature('/test-endpoint/echo?tenant=a', params, { ...fast, fetch: spy.fetch, method: 'GET' });
    expect(spy.last().method).to.equal('GET');
    expect(spy.last().query).to.deep.equal({ tenant: 'a', meetingNumber: '12345678901', role: '0' });
    const result = await fetchSignature('/test-endpoint/ok', params, { ...fast, method: 'GET' });
    expect(inspectSignature(result.signature, { meetingNumber: params.meetingNumber }).problems).to.deep.equal([]);
  });

  it('sends cookies by default (same-origin) and not with credentials "omit"', async () => {
    document.cookie = 'zoom_join_session=s1; path=/';
    try {
      const spy = echoingFetch();
      await fetchSignature('/test-endpoint/echo', params, { ...fast, fetch: spy.fetch });
      expect(spy.last().headers['cookie']).to.contain('zoom_join_session=s1');
      await fetchSignature('/test-endpoint/echo', params, { ...fast, fetch: spy.fetch, credentials: 'omit' });
      expect(spy.last().headers['cookie'] ?? '').not.to.contain('zoom_join_session');
    } finally {
      document.cookie = 'zoom_join_session=; path=/; max-age=0';
    }
  });

  it('accepts an endpoint that answers the bare JWT as text', async () => {
    const result = await fetchSignature('/test-endpoint/plain-jwt', params, fast);
    expect(inspectSignature(result.signature).payload?.['mn']).to.equal('555');
    expect(result.sdkKey).to.equal(undefined);
  });

  it('reports a request that cannot be built as signature-request-invalid', async () => {
    const error = await zoomError(fetchSignature('/test-endpoint/ok', params, { ...fast, headers: { 'bad header': 'x' } }));
    expect(error.code).to.equal('signature-request-invalid');
  });
});

describe('fetchSignature: HTTP failures', () => {
  it('signature-http-status for 500 with a clean excerpt, retried until retries run out', async () => {
    const key = uniqueKey();
    const error = await zoomError(fetchSignature(`/test-endpoint/500?key=${key}`, params, { ...fast, retries: 2 }));
    expect(error.code).to.equal('signature-http-status');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('HTTP 500');
    expect(error.message).to.contain('after 3 attempts');
    expect(error.message).to.contain('"Internal Server Error Error: ZOOM_MEETING_SDK_SECRET is not set at generateSignature');
    expect(error.message).not.to.match(/[<>]|\n|\s{2}/);
    expect(error.message).not.to.contain(`key=${key}`);
    expect(await attempts(key)).to.equal(3);
  });

  it('keeps the excerpt within 200 characters and redacts JWT-looking strings', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJtbiI6IjEyMyJ9.c2lnbmF0dXJlLXBhcnQ';
    const body = encodeURIComponent(`failed for ${token} ${'lorem ipsum '.repeat(40)}`);
    const error = await zoomError(
      fetchSignature(`/test-endpoint/status?code=502&body=${body}`, params, { ...fast, retries: 0 }),
    );
    const excerpt = /: "(.*)"$/.exec(error.message)?.[1] ?? '';
    expect(excerpt.length).to.be.within(100, 200);
    expect(excerpt).to.contain('failed for [redacted] lorem');
    expect(error.message).not.to.contain('eyJ');
  });

  it('quotes a JSON error body as it is, angle brackets included', async () => {
    const body = encodeURIComponent('{"error":"expected <meetingNumber> as digits"}');
    const error = await zoomError(
      fetchSignature(`/test-endpoint/status?code=422&type=application/json&body=${body}`, params, fast),
    );
    expect(error.message).to.contain('"{"error":"expected <meetingNumber> as digits"}"');
  });

  for (const [status, hint] of [
    [404, /URL is wrong/],
    [400, /request body/],
    [401, /cookie/],
    [403, /cookie/],
    [405, /POST/],
  ] as const) {
    it(`does not retry ${status}, and hints at the cause`, async () => {
      const key = uniqueKey();
      const url = status === 404 ? `/test-endpoint/404?key=${key}` : `/test-endpoint/status?code=${status}&key=${key}`;
      const error = await zoomError(fetchSignature(url, params, { ...fast, retries: 3 }));
      expect(error.code).to.equal('signature-http-status');
      expect(error.retryable).to.equal(false);
      expect(error.message).to.contain(`HTTP ${status}`);
      expect([error.hint, ...error.steps].join(' ')).to.match(hint);
      expect(await attempts(key)).to.equal(1);
    });
  }

  it('429 is retried and reported retryable when retries run out', async () => {
    const key = uniqueKey();
    const error = await zoomError(
      fetchSignature(`/test-endpoint/429?retry-after=0&key=${key}`, params, { ...fast, retries: 1 }),
    );
    expect(error.code).to.equal('signature-http-status');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('HTTP 429');
    expect(await attempts(key)).to.equal(2);
  });
});

describe('fetchSignature: retry and backoff', () => {
  it('recovers from 503s within the retry budget', async () => {
    const key = uniqueKey();
    const result = await fetchSignature(`/test-endpoint/flaky?key=${key}&fail=2`, params, { ...fast, retries: 2 });
    expect(inspectSignature(result.signature).payload?.['mn']).to.equal(params.meetingNumber);
    expect(await attempts(key)).to.equal(3);
  });

  it('gives up after retries + 1 attempts', async () => {
    const key = uniqueKey();
    const error = await zoomError(fetchSignature(`/test-endpoint/flaky?key=${key}&fail=3`, params, { ...fast, retries: 2 }));
    expect(error.code).to.equal('signature-http-status');
    expect(await attempts(key)).to.equal(3);
  });

  it('retries: 0 makes a single attempt', async () => {
    const key = uniqueKey();
    await zoomError(fetchSignature(`/test-endpoint/flaky?key=${key}&fail=1`, params, { ...fast, retries: 0 }));
    expect(await attempts(key)).to.equal(1);
  });

  it('backs off exponentially between attempts', async () => {
    const key = uniqueKey();
    const started = performance.now();
    await fetchSignature(`/test-endpoint/flaky?key=${key}&fail=2`, params, { retryBaseDelayMs: 200, retries: 2 });
    // Equal jitter: at least half of 200 ms, then half of 400 ms.
    expect(performance.now() - started).to.be.at.least(300 - 5);
    expect(await attempts(key)).to.equal(3);
  });

  it('honours Retry-After (seconds) over its own much shorter backoff', async () => {
    const key = uniqueKey();
    const started = performance.now();
    await fetchSignature(`/test-endpoint/flaky?key=${key}&fail=1&status=429&retry-after=1`, params, fast);
    expect(performance.now() - started).to.be.at.least(1000 - 5);
    expect(await attempts(key)).to.equal(2);
  });

  it('caps a long Retry-After at maxRetryDelayMs', async () => {
    const key = uniqueKey();
    const started = performance.now();
    await fetchSignature(`/test-endpoint/flaky?key=${key}&fail=1&status=503&retry-after=60`, params, {
      ...fast,
      maxRetryDelayMs: 50,
    });
    expect(performance.now() - started).to.be.below(5000);
    expect(await attempts(key)).to.equal(2);
  });
});

describe('fetchSignature: network errors and timeouts', () => {
  it('signature-network when the connection drops, retried', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return window.fetch(input, init);
    };
    const error = await zoomError(fetchSignature('/test-endpoint/reset', params, { ...fast, retries: 1, fetch: counting }));
    expect(error.code).to.equal('signature-network');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('/test-endpoint/reset');
    expect(error.hint).to.contain('CORS');
    expect(error.cause).to.be.instanceOf(TypeError);
    expect(calls).to.equal(2);
  });

  it('recovers when the network comes back on a retry', async () => {
    let calls = 0;
    const firstDrops: typeof fetch = (input, init) => {
      calls += 1;
      const request = input as Request;
      if (calls === 1) return window.fetch('/test-endpoint/reset', { method: 'POST', signal: request.signal });
      return window.fetch(request, init);
    };
    const result = await fetchSignature('/test-endpoint/ok', params, { ...fast, fetch: firstDrops });
    expect(result.sdkKey).to.equal(TEST_SDK_KEY);
    expect(calls).to.equal(2);
  });

  it('signature-timeout when the endpoint does not answer in time', async () => {
    const started = performance.now();
    const error = await zoomError(
      fetchSignature('/test-endpoint/slow?ms=5000', params, { ...fast, timeoutMs: 100, retries: 0 }),
    );
    expect(error.code).to.equal('signature-timeout');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('100 ms');
    expect(performance.now() - started).to.be.below(3000);
  });

  it('retries timeouts, each attempt with its own timeout', async () => {
    const key = uniqueKey();
    const error = await zoomError(
      // 500 ms, not less: on a loaded machine a shorter attempt can end before its request reaches the server.
      fetchSignature(`/test-endpoint/slow?ms=5000&key=${key}`, params, { ...fast, timeoutMs: 500, retries: 1 }),
    );
    expect(error.code).to.equal('signature-timeout');
    expect(error.message).to.contain('after 2 attempts');
    expect(await attempts(key)).to.equal(2);
  });

  it('the timeout also covers a body that never finishes', async () => {
    const error = await zoomError(
      fetchSignature('/test-endpoint/slow-body?ms=5000', params, { ...fast, timeoutMs: 150, retries: 0 }),
    );
    expect(error.code).to.equal('signature-timeout');
  });
});

describe('fetchSignature: answers that are not signatures', () => {
  it('signature-not-json for plain text, not retried', async () => {
    const key = uniqueKey();
    const error = await zoomError(fetchSignature(`/test-endpoint/not-json?key=${key}`, params, fast));
    expect(error.code).to.equal('signature-not-json');
    expect(error.retryable).to.equal(false);
    expect(error.message).to.contain('"OK: signature service is up"');
    expect(await attempts(key)).to.equal(1);
  });

  it('signature-not-json for an HTML page, hinting at an SPA fallback', async () => {
    const error = await zoomError(fetchSignature('/test-endpoint/html', params, fast));
    expect(error.code).to.equal('signature-not-json');
    expect(error.message).to.contain('HTML page');
    expect(error.message).to.contain('My App Loading your dashboard');
    expect(error.message).not.to.match(/[<>]|eyJ/);
    expect(error.hint).to.match(/single-page-app fallback/);
  });

  it('signature-not-json for an empty body', async () => {
    const error = await zoomError(fetchSignature('/test-endpoint/empty', params, fast));
    expect(error.code).to.equal('signature-not-json');
    expect(error.message).to.contain('empty body');
  });

  it('signature-missing for JSON without a signature string, redacting tokens in the excerpt', async () => {
    const error = await zoomError(fetchSignature('/test-endpoint/no-signature', params, fast));
    expect(error.code).to.equal('signature-missing');
    expect(error.message).to.contain('"token":"[redacted]"');
    expect(error.message).to.contain('use the token field');
    expect(error.message).not.to.contain('eyJ');
  });

  for (const shape of ['empty', 'number', 'nested', 'array']) {
    it(`signature-missing for ${shape} signatures`, async () => {
      const error = await zoomError(fetchSignature(`/test-endpoint/no-signature?shape=${shape}`, params, fast));
      expect(error.code).to.equal('signature-missing');
      expect(error.message).not.to.contain('eyJ');
      if (shape === 'number') expect(error.message).to.contain('{"signature":12345}');
    });
  }
});

describe('fetchSignature: cancellation', () => {
  it('aborting stops an in-flight request at once with an AbortError', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = fetchSignature('/test-endpoint/slow?ms=5000', params, { ...fast, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expectAbortError(await rejection(pending));
    expect(performance.now() - started).to.be.below(2000);
  });

  it('an already aborted signal sends nothing', async () => {
    const key = uniqueKey();
    const controller = new AbortController();
    controller.abort();
    expectAbortError(await rejection(fetchSignature(`/test-endpoint/ok?key=${key}`, params, { signal: controller.signal })));
    expect(await attempts(key)).to.equal(0);
  });

  it('aborting during the backoff wait stops the retries', async () => {
    const key = uniqueKey();
    const controller = new AbortController();
    const abortAfterFirstAnswer: typeof fetch = async (input, init) => {
      const response = await window.fetch(input, init);
      setTimeout(() => controller.abort(), 30);
      return response;
    };
    const started = performance.now();
    const error = await rejection(
      fetchSignature(`/test-endpoint/500?key=${key}`, params, {
        retryBaseDelayMs: 8000,
        signal: controller.signal,
        fetch: abortAfterFirstAnswer,
      }),
    );
    expectAbortError(error);
    expect(performance.now() - started).to.be.below(3000);
    expect(await attempts(key)).to.equal(1);
  });

  it('aborting during a Retry-After wait stops it too', async () => {
    const key = uniqueKey();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    expectAbortError(
      await rejection(
        fetchSignature(`/test-endpoint/429?retry-after=8&key=${key}`, params, { ...fast, signal: controller.signal }),
      ),
    );
    expect(performance.now() - started).to.be.below(3000);
    expect(await attempts(key)).to.equal(1);
  });

  it('an abort with a custom reason is still an AbortError', async () => {
    const controller = new AbortController();
    const pending = fetchSignature('/test-endpoint/slow?ms=5000', params, { ...fast, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('element removed')), 20);
    expectAbortError(await rejection(pending));
  });

  it('aborting a custom fetch that ignores the signal still settles at once', async () => {
    const controller = new AbortController();
    const deaf: typeof fetch = () => new Promise<Response>(() => {});
    const pending = fetchSignature('/test-endpoint/ok', params, { ...fast, signal: controller.signal, fetch: deaf });
    setTimeout(() => controller.abort(), 20);
    expectAbortError(await rejection(pending));
  });
});

describe('fetchSignature: an endpoint on another origin', () => {
  // The test runner serves the page on localhost; 127.0.0.1 on the same port is the same server, another origin.
  const otherOrigin = (path: string) => `http://127.0.0.1:${location.port}${path}`;

  it('that answers but does not admit this origin (CORS) is named as such, with the setting that fixes it', async () => {
    const error = await zoomError(fetchSignature(otherOrigin('/test-endpoint/ok'), params, { ...fast, retries: 0 }));
    expect(error.code).to.equal('signature-origin-refused');
    expect(error.title).to.equal("Signature endpoint refused this page's origin");
    expect(error.message).to.contain(`does not let pages from ${location.origin} read its answer (CORS)`);
    expect(error.steps[0]).to.contain(`Add ${location.origin} to ZOOM_JOIN_ALLOWED_ORIGINS`);
    expect(error.steps[2]).to.equal(
      `Run npx zoom-join doctor --endpoint ${otherOrigin('/test-endpoint/ok')} --origin ${location.origin} to see what the endpoint answers this origin.`,
    );
  });

  it('that does not answer at all stays unreachable', async () => {
    const error = await zoomError(fetchSignature('http://127.0.0.1:9/sign', params, { ...fast, retries: 0 }));
    expect(error.code).to.equal('signature-network');
  });

  it('that admits this origin is read as usual', async () => {
    const result = await fetchSignature(otherOrigin('/test-endpoint/clock?cors=1'), params, { ...fast, retries: 0 });
    expect(result.signature).to.match(/^ey/);
  });
});
