// Recovering Zoom's number from what the SDK passes on and from Zoom's answer, checked against the installed SDK's
// own tables, and the Zoom double's answers pinned to the branches of both bundles they are meant to reach.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import {
  signatureCheckTexts,
  webServiceTexts,
  wcInfoResponse,
  zoomDoubleScenarios,
} from '../../../demo/zoom-double/wc-info.js';
import { zoomErrorTable } from '../../../src/error-codes/describe-zoom-error.js';
import { isCollapsedSdkCode, zoomCodeOfAnswer, zoomCodeOfText } from '../../../src/error-codes/zoom-answers.js';
import { normalizeSdkError, unreportedZoomAnswerError } from '../../../src/sdk/normalize-error.js';
import { readZoomAnswer } from '../../../src/sdk/zoom-answer-watch.js';

const require = createRequire(import.meta.url);
const sdkDir = dirname(require.resolve('@zoom/meetingsdk/package.json'));
const read = (path: string): string => readFileSync(join(sdkDir, path), 'utf8');
const enUS = JSON.parse(read('dist/lib/lang/en-US.json')) as Record<string, string>;
const componentBundle = read('dist/zoomus-websdk-embedded.umd.min.js');
const clientBundle = read('dist/zoom-meeting-6.2.0.min.js');

/** `"apac.errorcodes_x":"text"` pairs of Zoom's join-check texts, as in zoom-join-check.ts (the same literal is in both bundles). */
function joinCheckTextTable(bundle: string): Map<string, string> {
  const start = bundle.indexOf('"apac.errorcodes_pac_api_wrong":"The api key is wrong."');
  assert.ok(start > 0, 'the join-check text table is in the bundle');
  const table = new Map<string, string>();
  for (const [, key, text] of bundle.slice(start, bundle.indexOf('}', start)).matchAll(/"([^"]+)":"([^"]*)"/g)) {
    if (key !== undefined && text !== undefined) table.set(key, text);
  }
  return table;
}

/** `{200:{"apac.…":3704,…}}`-style maps: for `source`, key → reported code. */
function codeMap(bundle: string, source: number): Map<string, number> {
  const found = new RegExp(`(?<![\\w.$])${source === 3000 ? '3e3' : source}:\\{((?:"[^"]+":[\\de]+,?)+)\\}`).exec(bundle);
  assert.ok(found, `the bundle maps ${source}`);
  const map = new Map<string, number>();
  for (const [, key, code] of (found[1] ?? '').matchAll(/"([^"]+)":([\de]+)/g)) {
    if (key !== undefined && code !== undefined) map.set(key, Number(code));
  }
  return map;
}

describe("Zoom's wording in the table", () => {
  test('each join-check row carries the exact text both bundles map to its number', () => {
    for (const bundle of [componentBundle, clientBundle]) {
      const texts = joinCheckTextTable(bundle);
      const codes = codeMap(bundle, 200);
      for (const [key, text] of texts) {
        const code = codes.get(key);
        if (code === undefined) continue;
        assert.equal(zoomErrorTable[code]?.serverText, text, `${code} (${key})`);
        assert.equal(zoomCodeOfText(text), code, text);
      }
    }
  });

  test("the SDK's en-US text of every row maps back to a row with the same meaning", () => {
    for (const [code, entry] of Object.entries(zoomErrorTable)) {
      if (entry.sdkText === undefined || isCollapsedSdkCode(Number(code), 'component') || isCollapsedSdkCode(Number(code), 'client')) continue;
      const recovered = zoomCodeOfText(entry.sdkText);
      assert.ok(recovered !== undefined, `${code}: ${entry.sdkText}`);
      assert.equal(zoomErrorTable[recovered]?.code, entry.code === 'meeting-not-found' ? 'meeting-not-found' : zoomErrorTable[recovered]?.code);
    }
    assert.equal(zoomCodeOfText('Token has expired.'), 124);
    assert.equal(zoomCodeOfText('  signature is INVALID '), 3712, 'case, spacing and final punctuation do not matter');
    assert.equal(zoomCodeOfText('Fail to join the meeting.'), undefined, "the catch-all's own text names no cause");
    assert.equal(zoomCodeOfText('something else entirely'), undefined);
  });
});

describe("Zoom's number from its answer, read the way the SDK reads it", () => {
  test('200 and 3000 carry their meaning in the text; rsRes and waiting codes; HTTP errors', () => {
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 200, errorMessage: 'Invalid signature.' }), 3712);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 200, errorMessage: 'unheard of' }), undefined);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 3000, errorMessage: 'User email is required.' }), 3005);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 3000, errorMessage: 'other' }), 3000);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: true, errorCode: 0, rsResErrorCode: 3008 }), 3008);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 3139 }), 3008);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: false, errorCode: 4012 }), 4012);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 200, status: true, errorCode: 0 }), undefined, 'admitted');
    assert.equal(zoomCodeOfAnswer({ httpStatus: 503 }), -3000);
    assert.equal(zoomCodeOfAnswer({ httpStatus: 0 }), -3000);
  });

  test('readZoomAnswer keeps the status fields only, from text or an object', () => {
    const body = JSON.stringify({ status: false, errorCode: '3008', errorMessage: 'x'.repeat(500), result: { rsRes: { errorCode: 3139 }, tk: 'secret-tk' } });
    const answer = readZoomAnswer(200, body);
    assert.deepEqual(Object.keys(answer).sort(), ['errorCode', 'errorMessage', 'httpStatus', 'rsResErrorCode', 'status']);
    assert.equal(answer.errorCode, 3008);
    assert.equal(answer.rsResErrorCode, 3139);
    assert.equal(answer.errorMessage?.length, 300);
    assert.ok(!JSON.stringify(answer).includes('secret-tk'));
    assert.deepEqual(readZoomAnswer(502, '<html>bad gateway</html>'), { httpStatus: 502 });
    assert.deepEqual(readZoomAnswer(200, { status: true, errorCode: 0 }), { httpStatus: 200, status: true, errorCode: 0 });
  });
});

describe('normalizing what each view reports', () => {
  test("the Component View's 200 with Zoom's text is Zoom's number", () => {
    const error = normalizeSdkError(
      { type: 'JOIN_MEETING_FAILED', reason: 'Meeting does not exist.', errorCode: 200 },
      { view: 'component', stage: 'join' },
    );
    assert.equal(error.code, 'meeting-not-found');
    assert.equal(error.sdkCode, 3001);
    assert.equal(error.sdkType, 'JOIN_MEETING_FAILED');
  });

  test("Zoom's answer decides between numbers that share a text", () => {
    const raw = { type: 'JOIN_MEETING_FAILED', reason: 'Require login', errorCode: 200 };
    const answered = normalizeSdkError(raw, { view: 'component', stage: 'join', zoomAnswer: { httpStatus: 200, status: false, errorCode: 3100, errorMessage: 'Require login' } });
    assert.equal(answered.code, 'login-required');
    assert.equal(answered.sdkCode, 3100);
  });

  test("the Client View's 1 keeps Zoom's text in result; its 3610 also means an expired tk", () => {
    const signature = normalizeSdkError(
      { method: 'join', status: false, result: 'Signature is invalid.', errorCode: 1, errorMessage: 'Fail to join the meeting.' },
      { view: 'client', stage: 'join' },
    );
    assert.equal(signature.code, 'signature-invalid');
    assert.equal(signature.sdkCode, 3712);
    const tk = normalizeSdkError({ method: 'join', status: false, result: null, errorCode: 3610, errorMessage: 'Token has expired.' }, { view: 'client', stage: 'join' });
    assert.equal(tk.code, 'tk-expired');
    assert.equal(tk.sdkCode, 124);
    const missing = normalizeSdkError({ method: 'join', status: false, result: 'Meeting does not exist.', errorCode: 3610, errorMessage: 'Meeting does not exist.' }, { view: 'client', stage: 'join' });
    assert.equal(missing.code, 'meeting-not-found');
    assert.equal(missing.sdkCode, 3610, "a text that means what the SDK's number says keeps the SDK's number");
  });

  test("the Client View's bare 1 is Zoom's answer when one was seen, the catch-all when not", () => {
    const raw = { method: 'join', status: false, result: null, errorCode: 1, errorMessage: 'Fail to join the meeting.' };
    const seen = normalizeSdkError(raw, { view: 'client', stage: 'join', zoomAnswer: { httpStatus: 200, status: false, errorCode: 3008, errorMessage: 'Meeting has not started' } });
    assert.equal(seen.code, 'meeting-not-started');
    assert.equal(seen.sdkCode, 3008);
    assert.equal(normalizeSdkError(raw, { view: 'client', stage: 'join' }).code, 'join-failed');
    const offline = normalizeSdkError(raw, { view: 'client', stage: 'join', zoomAnswer: { httpStatus: 0 } });
    assert.equal(offline.code, 'connection-error');
    assert.equal(offline.sdkCode, -3000);
  });

  test('a number the SDK mapped itself is not second-guessed by the text', () => {
    const error = normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: 'Meeting has not started', errorCode: 3004 }, { view: 'component', stage: 'join' });
    assert.equal(error.code, 'wrong-passcode');
  });
});

test("a refusal the SDK never reported says so, with Zoom's number and text, scrubbed", () => {
  const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJtbiI6IjEifQ.c2ln';
  const error = unreportedZoomAnswerError(
    { httpStatus: 200, status: false, errorCode: 200, errorMessage: 'Invalid signature.' },
    { view: 'client', stage: 'join' },
  );
  assert.ok(error);
  assert.equal(error.code, 'signature-invalid');
  assert.equal(error.sdkCode, 3712);
  assert.equal(error.view, 'client');
  assert.ok(error.steps.length > 0);
  assert.match(error.message, /\[Zoom 3712\] — Zoom answered 3712 \("Invalid signature\."\) at wc\/info, but the SDK never reported it$/);
  const echoed = unreportedZoomAnswerError(
    { httpStatus: 200, status: false, errorCode: 3000, errorMessage: `In progress for ${secret}` },
    { view: 'client', stage: 'join', secrets: [secret] },
  );
  assert.equal(echoed?.code, 'another-meeting-in-progress');
  assert.ok(echoed?.message.includes('[redacted]') && !echoed.message.includes(secret));
  assert.equal(unreportedZoomAnswerError({ httpStatus: 200, status: true, errorCode: 0 }, { view: 'client', stage: 'join' }), undefined);
  assert.match(unreportedZoomAnswerError({ httpStatus: 502 }, { view: 'client', stage: 'join' })?.message ?? '', /Zoom answered HTTP 502/);
});

describe('the Zoom double', () => {
  test('has unique ids and JSON answers readable from the page origin with credentials', () => {
    const ids = zoomDoubleScenarios.map((scenario) => scenario.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const scenario of zoomDoubleScenarios) {
      const response = wcInfoResponse(scenario, 'http://127.0.0.1:8000');
      assert.equal(response.headers['access-control-allow-origin'], 'http://127.0.0.1:8000');
      assert.equal(response.headers['access-control-allow-credentials'], 'true');
      assert.deepEqual(JSON.parse(response.body), scenario.answer);
    }
  });

  test("its signature answers use the text both bundles map to the number; its 3000 answers the SDK's en-US text", () => {
    for (const bundle of [componentBundle, clientBundle]) {
      const texts = joinCheckTextTable(bundle);
      const codes = codeMap(bundle, 200);
      for (const [code, text] of Object.entries(signatureCheckTexts)) {
        const key = [...texts].find(([, value]) => value === text)?.[0];
        assert.ok(key, `"${text}" is in the bundle's signature table`);
        assert.equal(codes.get(key), Number(code), text);
      }
      const family = codeMap(bundle, 3000);
      for (const [code, text] of Object.entries(webServiceTexts)) {
        const key = [...family.keys()].find((candidate) => enUS[candidate] === text);
        assert.ok(key, `"${text}" is the en-US text of a key the bundle maps under 3000`);
        assert.equal(family.get(key), Number(code), text);
      }
    }
  });

  test("the bundles still branch the way the double's shapes assume", () => {
    // Component View: any code it does not special-case becomes {reason: errorMessage, errorCode: CommonError}.
    assert.match(componentBundle, /\{reason:\w+\.errorMessage,errorCode:\w+\.CommonError\}/);
    assert.match(componentBundle, /3139===\w+\.errorCode/);
    assert.match(componentBundle, /3129===\w+\.errorCode\?/);
    // Client View: its join callback gets Zoom's text as result and the mapped code and message.
    assert.match(clientBundle, /\{method:"join",status:!1,result:\w+\.errorMessage,errorCode:\w+,errorMessage:\w+\}/);
    // …and it treats an answer with a text result and a message but no meeting id as a failure.
    assert.match(clientBundle, /\w+\.result&&\w+\.errorMessage&&!\w+\.result\.mid/);
  });
});
