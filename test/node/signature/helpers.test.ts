import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abortError, isAbortError, sleep, untilAborted } from '../../../src/abort.js';
import { backoffDelay, parseRetryAfter, retryDelay } from '../../../src/signature/backoff.js';
import { decodeBase64UrlText, decodeJsonObjectSegment } from '../../../src/signature/base64url.js';
import { MAX_EXCERPT_LENGTH, excerptBody, looksLikeHtml } from '../../../src/signature/body-excerpt.js';
import { buildSignatureRequest, defaultSignatureBody } from '../../../src/signature/build-request.js';
import { formatDuration } from '../../../src/signature/claim-format.js';
import type { SignatureRequestParams } from '../../../src/signature/signature-types.js';
import type { SignatureRequestParams as AcceptedByServer } from '../../../server/request-schema.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJhYmMiLCJtbiI6IjEyMyJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('base64url', () => {
  it('decodes url-safe and padded standard alphabets, rejects garbage', () => {
    const text = 'Zoë ~?>';
    assert.equal(decodeBase64UrlText(Buffer.from(text).toString('base64url')), text);
    assert.equal(decodeBase64UrlText(Buffer.from(text).toString('base64')), text);
    assert.equal(decodeBase64UrlText('a'), undefined);
    assert.equal(decodeBase64UrlText('ab!c'), undefined);
    assert.equal(decodeBase64UrlText('ab c'), undefined);
    assert.deepEqual(decodeJsonObjectSegment(Buffer.from('{"a":1}').toString('base64url')), { a: 1 });
    assert.equal(decodeJsonObjectSegment(Buffer.from('[1]').toString('base64url')), null);
  });
});

describe('backoff', () => {
  it('doubles per retry with equal jitter and a cap', () => {
    assert.equal(backoffDelay(0, 300, 10_000, () => 0), 150);
    assert.equal(backoffDelay(0, 300, 10_000, () => 1), 300);
    assert.equal(backoffDelay(2, 300, 10_000, () => 1), 1200);
    assert.equal(backoffDelay(10, 300, 10_000, () => 1), 10_000);
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(1, 300, 10_000);
      assert.ok(delay >= 300 && delay <= 600, `${delay}`);
    }
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wednesday, 21-Oct-15 07:28:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now), 0, 'a past date means now');
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('1.5', now), undefined);
    assert.equal(parseRetryAfter('-1', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
  });

  it('lets Retry-After win over backoff, both capped', () => {
    assert.equal(retryDelay(0, 1000, 300, 10_000), 1000);
    assert.equal(retryDelay(0, 60_000, 300, 10_000), 10_000);
    assert.equal(retryDelay(0, undefined, 300, 10_000, () => 1), 300);
  });
});

describe('abort helpers', () => {
  it('sleep resolves, or rejects with an AbortError at once', async () => {
    await sleep(1);
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    await assert.rejects(pending, (error: unknown) => isAbortError(error));
    assert.ok(Date.now() - started < 1000);
    await assert.rejects(sleep(1, controller.signal), (error: unknown) => isAbortError(error));
  });

  it('untilAborted stops waiting for work that ignores the signal', async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => {});
    const raced = untilAborted(never, controller.signal);
    controller.abort();
    await assert.rejects(raced, (error: unknown) => error instanceof DOMException && error.name === 'AbortError');
    assert.equal(await untilAborted(Promise.resolve(7), new AbortController().signal), 7);
    assert.ok(isAbortError(abortError('stopped')));
  });

  it('rejects with the signal\'s reason, or with the one asked for', async () => {
    const controller = new AbortController();
    controller.abort('gone');
    const mine = abortError('mine');
    await assert.rejects(untilAborted(Promise.resolve(1), controller.signal), (error: unknown) => error === 'gone');
    await assert.rejects(sleep(1, controller.signal), (error: unknown) => error === 'gone');
    await assert.rejects(sleep(1, controller.signal, () => mine), (error: unknown) => error === mine);
  });
});

describe('body excerpt', () => {
  it('strips tags and scripts, decodes entities, collapses whitespace', () => {
    const html = '<!doctype html><html><head><style>p{}</style><script>var a = 1 < 2;</script></head>\n<body>\n  <h1>Not&nbsp;found</h1>  <p>a &amp; b</p></body></html>';
    assert.equal(excerptBody(html), 'Not found a & b');
  });

  it('never exceeds the limit and never leaks a token cut at the limit', () => {
    const long = `${'x '.repeat(95)}${JWT} and more text after the token`;
    const excerpt = excerptBody(long);
    assert.ok(excerpt.length <= MAX_EXCERPT_LENGTH);
    assert.ok(!excerpt.includes('eyJhbGci'));
    assert.equal(excerptBody('a'.repeat(500)).length, MAX_EXCERPT_LENGTH);
  });

  it('keeps tag-like text in bodies that are not HTML', () => {
    assert.equal(excerptBody('{"error":"expected <meetingNumber>"}'), '{"error":"expected <meetingNumber>"}');
    assert.equal(excerptBody('role must be <0|1> &amp; numeric', { html: false }), 'role must be <0|1> &amp; numeric');
    assert.equal(excerptBody('<p>expected <b>meetingNumber</b></p>', { html: true }), 'expected meetingNumber');
  });

  it('drops a token cut at the end of a truncated body instead of quoting a piece of it', () => {
    const head = `upstream said ${JWT.slice(0, 60)}`;
    assert.equal(excerptBody(head, { truncated: true }), 'upstream said…');
    assert.equal(excerptBody(`said ${'ab'.repeat(5000)}`), 'said…', 'cut by the excerpt window too');
  });

  it('strips unclosed tags, comments and scripts of a page cut short', () => {
    assert.equal(excerptBody('<h1>Server Error</h1><p>at <a href="/x"', { html: true }), 'Server Error at');
    assert.equal(excerptBody('<h1>Oops</h1><!-- debug: secret', { html: true }), 'Oops');
    assert.equal(excerptBody('<h1>Oops</h1><script>var token = 1', { html: true }), 'Oops');
  });

  it('recognises HTML by type or by content', () => {
    assert.equal(looksLikeHtml('text/html; charset=utf-8', ''), true);
    assert.equal(looksLikeHtml('text/plain', '  <!DOCTYPE html><html>'), true);
    assert.equal(looksLikeHtml('application/json', '{"a":1}'), false);
  });
});

describe('buildSignatureRequest', () => {
  // The page's request params and the reference server's are one contract defined twice (src/ and server/ build
  // apart): each must stay assignable to the other.
  const asServerReads = (sent: SignatureRequestParams): AcceptedByServer => sent;
  const params: SignatureRequestParams = asServerReads({ meetingNumber: '123', role: 0 });
  const signal = new AbortController().signal;

  it('defaults to Zoom\'s sample request: POST JSON, only the fields that are set, no cache', async () => {
    const request = buildSignatureRequest('http://localhost/sig', { ...params, videoWebRtcMode: 1 }, {}, signal);
    assert.equal(request.method, 'POST');
    assert.equal(request.cache, 'no-store');
    assert.equal(request.credentials, 'same-origin');
    assert.equal(request.headers.get('content-type'), 'application/json');
    assert.equal(request.headers.get('accept'), 'application/json');
    assert.deepEqual(await request.json(), { meetingNumber: '123', role: 0, videoWebRtcMode: 1 });
    assert.deepEqual(defaultSignatureBody({ ...params, expirationSeconds: 3600 }), {
      meetingNumber: '123',
      role: 0,
      expirationSeconds: 3600,
    });
  });

  it('sends GET params as query string, keeping an existing query', () => {
    const request = buildSignatureRequest('http://localhost/sig?x=1#frag', params, { method: 'get' }, signal);
    assert.equal(request.method, 'GET');
    assert.equal(request.url, 'http://localhost/sig?x=1&meetingNumber=123&role=0');
  });

  it('sends BodyInit as is and other objects as JSON; custom headers win', async () => {
    const form = buildSignatureRequest('http://localhost/sig', params, { body: (p) => new URLSearchParams({ mn: p.meetingNumber }) }, signal);
    assert.equal(await form.text(), 'mn=123');
    assert.match(form.headers.get('content-type') ?? '', /x-www-form-urlencoded/);
    const custom = buildSignatureRequest(
      'http://localhost/sig',
      params,
      { body: (p) => ({ meeting: p.meetingNumber }), headers: { 'Content-Type': 'application/vnd.x+json', 'X-Csrf': 't' } },
      signal,
    );
    assert.equal(custom.headers.get('content-type'), 'application/vnd.x+json');
    assert.equal(custom.headers.get('x-csrf'), 't');
    assert.deepEqual(await custom.json(), { meeting: '123' });
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(-90), '1 min');
    assert.equal(formatDuration(7500), '2 h 5 min');
    assert.equal(formatDuration(3600 * 72), '3 d');
  });
});
