import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { TRANSPORTS } from './transports.js';

const KEY = 'badRequestClientId';
const SECRET = 'bad-request-suite-SECRET-9f8e7d6c5b4a';
const ALLOWED = 'https://allowed.example';
const VALID = '{"meetingNumber":"123456789","role":0}';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent with Content-Length. */
  body?: string | Uint8Array;
  /** Sent with Transfer-Encoding: chunked and no length. */
  chunks?: Uint8Array[];
}

/** node:http rather than fetch: it sends exactly these bytes and headers (no added Content-Type, real chunking). */
function send(url: string, init: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers };
    // Explicit, because node:http sends a DELETE body with neither length nor chunking (read as a second request).
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const req = httpRequest(url, { method: init.method ?? 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString() }));
      res.on('error', reject);
    });
    // The server may answer (413) before an oversized upload is finished; a write error after that is expected.
    req.on('error', reject);
    if (init.chunks) for (const chunk of init.chunks) req.write(chunk);
    req.end(init.body);
  });
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const json = (body: string | Uint8Array, headers: Record<string, string> = {}): RawRequest => ({
  body,
  headers: { ...JSON_HEADERS, ...headers },
});
const kib = (count: number): Uint8Array => new Uint8Array(1024 * count).fill(0x20);

interface BadCase {
  name: string;
  request: RawRequest;
  status: number;
  code: string;
  field?: string;
}

const bad = (name: string, request: RawRequest, status: number, code: string, field?: string): BadCase => ({
  name,
  request,
  status,
  code,
  ...(field === undefined ? {} : { field }),
});
const invalidJson = (name: string, body: string | Uint8Array) => bad(name, json(body), 400, 'invalid-json');
const invalidBody = (name: string, body: string) => bad(name, json(body), 400, 'invalid-body');
const invalidField = (field: string, name: string, body: string) => bad(name, json(body), 400, 'invalid-field', field);
const meetingNumber = (name: string, source: string) =>
  invalidField('meetingNumber', `meetingNumber ${name}`, `{"meetingNumber":${source},"role":0}`);
const role = (name: string, source: string) =>
  invalidField('role', `role ${name}`, `{"meetingNumber":"123456789","role":${source}}`);
const field = (name: 'expirationSeconds' | 'videoWebRtcMode', label: string, source: string) =>
  invalidField(name, `${name} ${label}`, `{"meetingNumber":"123456789","role":0,"${name}":${source}}`);

const cases: BadCase[] = [
  invalidJson('an empty body', ''),
  invalidJson('an unterminated object', '{'),
  invalidJson('a truncated body', '{"meetingNumber":"123456789","role":0'),
  invalidJson('plain text', 'meetingNumber=123456789&role=0'),
  invalidJson('a trailing comma', '{"meetingNumber":"123456789","role":0,}'),
  invalidJson('single quotes', "{'meetingNumber':'123456789','role':0}"),
  invalidJson('a NaN literal', '{"meetingNumber":NaN,"role":0}'),
  invalidJson('a comment', '{/* hi */"meetingNumber":"123456789","role":0}'),
  invalidJson('two documents', '{}{}'),
  invalidJson('bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),

  invalidBody('an empty array', '[]'),
  invalidBody('an array holding a valid request', `[${VALID}]`),
  invalidBody('null', 'null'),
  invalidBody('a string', '"123456789"'),
  invalidBody('a number', '123456789'),
  invalidBody('true', 'true'),

  invalidField('meetingNumber', 'a missing meetingNumber', '{"role":0}'),
  meetingNumber('null', 'null'),
  meetingNumber('true', 'true'),
  meetingNumber('as an array', '["123456789"]'),
  meetingNumber('as an object', '{"value":"123456789"}'),
  meetingNumber('of 8 digits', '"12345678"'),
  meetingNumber('of 12 digits', '"123456789012"'),
  meetingNumber('of 8 digits as a number', '12345678'),
  meetingNumber('of 12 digits as a number', '123456789012'),
  // Zoom's meeting IDs are integers, so a leading 0 is a typo, not an ID.
  meetingNumber('starting with 0', '"0123456789"'),
  meetingNumber('starting with 0 and grouped', '"012 3456 789"'),
  meetingNumber('empty', '""'),
  meetingNumber('in Arabic-Indic digits', '"١٢٣٤٥٦٧٨٩"'),
  meetingNumber('in fullwidth digits', '"１２３４５６７８９"'),
  meetingNumber('negative', '-123456789'),
  meetingNumber('negative as a string', '"-123456789"'),
  meetingNumber('with a fraction', '123456789.5'),
  meetingNumber('written with .0', '123456789.0'),
  meetingNumber('with a fraction as a string', '"123456789.5"'),
  meetingNumber('in exponent form', '1e10'),
  meetingNumber('in exponent form with a fraction', '1.23456789E8'),
  meetingNumber('in exponent form as a string', '"1e10"'),
  meetingNumber('in hexadecimal', '"0x75BCD15"'),
  meetingNumber('with a letter', '"12345678a"'),
  meetingNumber('with a trailing dash', '"123456789-"'),
  meetingNumber('with tabs', '"123\\t456\\t789"'),
  meetingNumber('with no-break spaces', '"123\u00a0456\u00a0789"'),
  meetingNumber('with en dashes', '"123\u2013456\u2013789"'),
  meetingNumber('beyond safe integers', '99999999999999999999'),
  invalidField(
    'meetingNumber',
    'a duplicated meetingNumber whose last value is bad',
    '{"meetingNumber":"123456789","meetingNumber":"12","role":0}',
  ),
  invalidField(
    'meetingNumber',
    'an exponent meetingNumber behind an escaped key',
    '{"meeting\\u004eumber":1e10,"role":0}',
  ),

  invalidField('role', 'a missing role', '{"meetingNumber":"123456789"}'),
  role('2', '2'),
  role('-1', '-1'),
  role('"1abc"', '"1abc"'),
  role('" 1"', '" 1"'),
  role('"01"', '"01"'),
  role('true', 'true'),
  role('null', 'null'),
  role('0.5', '0.5'),
  role('[1]', '[1]'),
  role('"host"', '"host"'),
  role('""', '""'),
  bad('role 1 without authorize', json('{"meetingNumber":"123456789","role":1}'), 403, 'role-not-authorized', 'role'),
  bad('role "1" without authorize', json('{"meetingNumber":"123456789","role":"1"}'), 403, 'role-not-authorized', 'role'),

  field('expirationSeconds', 'below 1800', '1799'),
  field('expirationSeconds', 'above 172800', '172801'),
  field('expirationSeconds', 'with a fraction', '3600.5'),
  field('expirationSeconds', 'as a string', '"3600"'),
  field('expirationSeconds', 'null', 'null'),
  field('expirationSeconds', 'negative', '-7200'),
  field('expirationSeconds', 'true', 'true'),
  field('expirationSeconds', 'zero', '0'),

  field('videoWebRtcMode', '2', '2'),
  field('videoWebRtcMode', 'as a string', '"1"'),
  field('videoWebRtcMode', 'true', 'true'),
  field('videoWebRtcMode', 'null', 'null'),
  field('videoWebRtcMode', '-1', '-1'),

  ...['GET', 'PUT', 'DELETE', 'PATCH'].map((method) =>
    bad(`method ${method}`, { method, headers: JSON_HEADERS, body: method === 'GET' ? '' : VALID }, 405, 'method-not-allowed'),
  ),

  bad('text/plain (what fetch sends for a string body)', { body: VALID, headers: { 'content-type': 'text/plain;charset=UTF-8' } }, 415, 'unsupported-media-type'),
  bad('no Content-Type', { body: VALID }, 415, 'unsupported-media-type'),
  bad('a form body', { body: 'meetingNumber=123456789&role=0', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported-media-type'),
  bad('multipart', { body: VALID, headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 415, 'unsupported-media-type'),
  bad('a JSON-like media type', { body: VALID, headers: { 'content-type': 'application/json-patch+json' } }, 415, 'unsupported-media-type'),
  bad('text/json', { body: VALID, headers: { 'content-type': 'text/json' } }, 415, 'unsupported-media-type'),
  bad('JSON declared as Latin-1', { body: VALID, headers: { 'content-type': 'application/json; charset=latin1' } }, 415, 'unsupported-media-type'),

  bad('a declared body one byte over the limit', json(`${VALID}${' '.repeat(4097 - VALID.length)}`), 413, 'body-too-large'),
  bad('a declared 1 MiB body', json(kib(1024)), 413, 'body-too-large'),
  bad('a chunked 10 KiB body', { headers: JSON_HEADERS, chunks: [new TextEncoder().encode(VALID), kib(10)] }, 413, 'body-too-large'),
  bad('a chunked 1 MiB body in 64 KiB chunks', { headers: JSON_HEADERS, chunks: Array.from({ length: 16 }, () => kib(64)) }, 413, 'body-too-large'),

  bad('a disallowed origin', json(VALID, { origin: 'https://evil.example' }), 403, 'origin-not-allowed'),
  bad('the opaque origin "null"', json(VALID, { origin: 'null' }), 403, 'origin-not-allowed'),
  bad('an allowed host on another port', json(VALID, { origin: `${ALLOWED}:8443` }), 403, 'origin-not-allowed'),
  bad('an allowed host over http', json(VALID, { origin: 'http://allowed.example' }), 403, 'origin-not-allowed'),
  bad('a subdomain of an allowed origin', json(VALID, { origin: 'https://sub.allowed.example' }), 403, 'origin-not-allowed'),
  bad(
    'a preflight from a disallowed origin',
    { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
    403,
    'origin-not-allowed',
  ),
];

for (const transport of TRANSPORTS) {
  describe(`bad requests over HTTP (${transport.name})`, () => {
    let url = '';
    let close = async (): Promise<void> => {};

    before(async () => {
      ({ url, close } = await transport.listen({ sdkKey: KEY, sdkSecret: SECRET, allowedOrigins: [ALLOWED], rateLimit: false }));
    });
    after(() => close());

    it('has at least 60 cases', () => assert.ok(cases.length >= 60, `${cases.length} cases`));

    for (const testCase of cases) {
      it(`${testCase.name} → ${testCase.status} ${testCase.code}`, async () => {
        const response = await send(url, testCase.request);
        assert.equal(response.status, testCase.status, response.text);
        assert.match(String(response.headers['content-type']), /^application\/json; charset=utf-8$/);
        assert.equal(response.headers['cache-control'], 'no-store');
        const body = JSON.parse(response.text) as { error?: { code?: unknown; message?: unknown; field?: unknown } };
        assert.equal(body.error?.code, testCase.code);
        assert.equal(typeof body.error?.message, 'string');
        assert.equal(body.error?.field, testCase.field);
        assert.equal(response.headers['access-control-allow-origin'], undefined);
        if (testCase.status === 405) assert.equal(response.headers.allow, 'POST, OPTIONS');
        const everything = JSON.stringify(response.headers) + response.text;
        assert.ok(!everything.includes(SECRET), 'the secret leaked');
        assert.ok(!/\bat .+:\d+:\d+/.test(response.text), 'a stack trace leaked');
      });
    }

    it('HEAD → 405 with Allow and no body', async () => {
      const response = await send(url, { method: 'HEAD' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.allow, 'POST, OPTIONS');
      assert.equal(response.text, '');
    });
  });
}
