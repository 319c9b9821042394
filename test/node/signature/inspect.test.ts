import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import {
  DEFAULT_SKEW_SECONDS,
  MAX_SIGNATURE_LIFETIME,
  MIN_SIGNATURE_LIFETIME,
  SignatureProblemCode,
  hasErrors,
  inspectSignature,
  type SignatureExpectations,
} from '../../../src/signature/inspect.js';

const NOW = 1_700_000_000;
const KEY = 'abcDEF123clientId';
const SECRET = new TextEncoder().encode('test-meeting-sdk-client-secret-0123456789');

function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Hand-built so tests can put wrong types and shapes into claims; the signature part is fake but realistic. */
function jwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  return `${b64url(header)}.${b64url(payload)}.${'s'.repeat(20)}IGNATUREpart_-0123456789abc`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    appKey: KEY,
    sdkKey: KEY,
    mn: '12345678901',
    role: 0,
    iat: NOW - 30,
    exp: NOW - 30 + 7200,
    tokenExp: NOW - 30 + 7200,
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }
  return base;
}

function codes(token: string, expected: SignatureExpectations = { now: NOW }): string[] {
  return inspectSignature(token, expected).problems.map((problem) => problem.code);
}

function only(token: string, expected: SignatureExpectations = { now: NOW }) {
  const { problems } = inspectSignature(token, expected);
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems.map((p) => p.code))}`);
  return problems[0]!;
}

describe('inspectSignature: clean tokens', () => {
  it('finds nothing wrong with a token signed like Zoom\'s sample endpoint (jose)', async () => {
    const iat = NOW - 30;
    const token = await new SignJWT({ appKey: KEY, sdkKey: KEY, mn: 12345678901, role: 1, tokenExp: iat + 7200 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + 7200)
      .sign(SECRET);
    const result = inspectSignature(token, { now: NOW, meetingNumber: '123 4567 8901', role: 1, sdkKey: KEY });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.header, { alg: 'HS256', typ: 'JWT' });
    assert.equal(result.payload?.['mn'], 12345678901);
    assert.equal(hasErrors(result.problems), false);
  });

  it('accepts a hand-built token with optional claims left out', () => {
    assert.deepEqual(codes(jwt(claims({ tokenExp: undefined, sdkKey: undefined }))), []);
    assert.deepEqual(codes(jwt(claims({ video_webrtc_mode: 1 }))), []);
  });

  it('decodes UTF-8 claims', () => {
    const result = inspectSignature(jwt(claims({ name: 'Zoë 会議' })), { now: NOW });
    assert.equal(result.payload?.['name'], 'Zoë 会議');
  });
});

describe('inspectSignature: malformed', () => {
  const header = b64url({ alg: 'HS256' });
  const payload = b64url(claims());
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['two parts', `${header}.${payload}`],
    ['four parts', `${header}.${payload}.sig.extra`],
    ['one part', 'not-a-jwt'],
    ['empty signature part', `${header}.${payload}.`],
    ['Bearer prefix', `Bearer ${header}.${payload}.sig`],
    ['a line break', `${header}.${payload}.sig\n`],
    ['header not JSON', `${b64url('nope')}.${payload}.sig`],
    ['payload an array', `${header}.${b64url([1, 2])}.sig`],
    ['payload not base64', `${header}.pay!oad.sig`],
    ['payload invalid UTF-8', `${header}.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.sig`],
    ['payload JSON null', `${header}.${b64url('null')}.sig`],
  ];
  for (const [name, token] of cases) {
    it(`reports ${name} as the only problem`, () => {
      const problem = only(token);
      assert.equal(problem.code, SignatureProblemCode.malformed);
      assert.equal(problem.severity, 'error');
      if (token) assert.ok(!problem.message.includes(token.trim()));
      assert.ok(!problem.message.includes(payload), 'message must not quote the token');
    });
  }

  it('returns null for the part that did not decode and the other part when it did', () => {
    const result = inspectSignature(`${header}.${b64url([1])}.sig`, { now: NOW });
    assert.deepEqual(result.header, { alg: 'HS256' });
    assert.equal(result.payload, null);
    const structural = inspectSignature('a.b', { now: NOW });
    assert.equal(structural.header, null);
    assert.equal(structural.payload, null);
  });

  it('tolerates non-string input from JavaScript callers', () => {
    assert.equal(only(undefined as unknown as string).code, 'malformed');
  });
});

describe('inspectSignature: header and keys', () => {
  it('alg must be HS256', () => {
    assert.equal(only(jwt(claims(), { alg: 'none' })).code, 'alg');
    assert.equal(only(jwt(claims(), { alg: 'HS512' })).code, 'alg');
    assert.equal(only(jwt(claims(), { typ: 'JWT' })).code, 'alg');
  });

  it('missing-app-key when neither appKey nor sdkKey, with the OAuth hint', () => {
    const problem = only(jwt(claims({ appKey: undefined, sdkKey: undefined })));
    assert.equal(problem.code, 'missing-app-key');
    assert.equal(problem.severity, 'error');
    const advice = [problem.hint, ...problem.steps].join(' ');
    assert.match(advice, /Client ID/);
    assert.match(advice, /Server-to-Server OAuth/);
    assert.equal(only(jwt(claims({ appKey: '', sdkKey: 42 }))).code, 'missing-app-key');
  });

  it('warns sdk-key-only when appKey is absent', () => {
    const problem = only(jwt(claims({ appKey: undefined })));
    assert.equal(problem.code, 'sdk-key-only');
    assert.equal(problem.severity, 'warning');
  });

  it('app-key-mismatch when appKey and sdkKey differ', () => {
    assert.equal(only(jwt(claims({ sdkKey: 'other' }))).code, 'app-key-mismatch');
  });

  it('app-key-mismatch when the expected Client ID differs', () => {
    const problem = only(jwt(claims()), { now: NOW, sdkKey: 'expectedKey' });
    assert.equal(problem.code, 'app-key-mismatch');
    assert.match(problem.message, /expectedKey/);
    assert.deepEqual(codes(jwt(claims()), { now: NOW, sdkKey: KEY }), []);
    assert.deepEqual(codes(jwt(claims({ appKey: undefined })), { now: NOW, sdkKey: KEY }), ['sdk-key-only']);
  });
});

describe('inspectSignature: meeting number', () => {
  it('missing-meeting-number when mn is absent, null or empty', () => {
    for (const mn of [undefined, null, '']) {
      const problem = only(jwt(claims({ mn })));
      assert.equal(problem.code, 'missing-meeting-number');
      assert.equal(problem.severity, 'error');
    }
  });

  it('meeting-number-format when mn holds anything but digits', () => {
    for (const mn of ['123 4567 8901', '123-456-789', 'abc', 12.5, -5, true]) {
      assert.deepEqual(codes(jwt(claims({ mn }))), ['meeting-number-format'], `mn ${JSON.stringify(mn)}`);
    }
  });

  it('meeting-number-mismatch compares digits only', () => {
    const problem = only(jwt(claims({ mn: '12345678901' })), { now: NOW, meetingNumber: '98765432100' });
    assert.equal(problem.code, 'meeting-number-mismatch');
    assert.match(problem.message, /98765432100/);
    assert.deepEqual(codes(jwt(claims({ mn: 12345678901 })), { now: NOW, meetingNumber: '123 4567 8901' }), []);
    assert.deepEqual(codes(jwt(claims({ mn: '12345678901' })), { now: NOW, meetingNumber: 12345678901 }), []);
  });

  it('a badly formatted mn that still matches reports only the format', () => {
    assert.deepEqual(codes(jwt(claims({ mn: '123 4567 8901' })), { now: NOW, meetingNumber: '12345678901' }), [
      'meeting-number-format',
    ]);
  });
});

describe('inspectSignature: role', () => {
  it('role-invalid for anything but 0 or 1, including a missing role', () => {
    for (const role of [2, -1, 'host', undefined, null, true]) {
      const problem = only(jwt(claims({ role })));
      assert.equal(problem.code, 'role-invalid', `role ${JSON.stringify(role)}`);
      assert.equal(problem.severity, 'error');
    }
  });

  it('role-type warning for "0" and "1"', () => {
    const problem = only(jwt(claims({ role: '1' })));
    assert.equal(problem.code, 'role-type');
    assert.equal(problem.severity, 'warning');
  });

  it('role-mismatch when the expected role differs, using the string role\'s value', () => {
    const problem = only(jwt(claims({ role: 0 })), { now: NOW, role: 1 });
    assert.equal(problem.code, 'role-mismatch');
    assert.equal(problem.severity, 'error');
    assert.deepEqual(codes(jwt(claims({ role: '1' })), { now: NOW, role: 0 }), ['role-type', 'role-mismatch']);
    assert.deepEqual(codes(jwt(claims({ role: '1' })), { now: NOW, role: 1 }), ['role-type']);
  });
});

describe('inspectSignature: times', () => {
  it('claim-type when iat or exp is missing or not a number', () => {
    assert.deepEqual(codes(jwt(claims({ iat: String(NOW) }))), ['claim-type']);
    assert.deepEqual(codes(jwt(claims({ exp: undefined }))), ['claim-type']);
    assert.deepEqual(codes(jwt(claims({ iat: undefined, exp: '1' }))), ['claim-type', 'claim-type']);
    assert.deepEqual(codes(jwt(claims({ tokenExp: 'soon' }))), ['claim-type']);
  });

  it('iat-future only beyond now + skew (boundary inclusive)', () => {
    const at = (iat: number, skewSeconds?: number) =>
      codes(jwt(claims({ iat, exp: iat + 7200, tokenExp: iat + 7200 })), { now: NOW, ...(skewSeconds === undefined ? {} : { skewSeconds }) });
    assert.deepEqual(at(NOW + DEFAULT_SKEW_SECONDS), []);
    assert.deepEqual(at(NOW + DEFAULT_SKEW_SECONDS + 1), ['iat-future']);
    assert.deepEqual(at(NOW + 60, 30), ['iat-future']);
    assert.deepEqual(at(NOW + 30, 30), []);
  });

  it('iat-future names the milliseconds mistake', () => {
    const iat = NOW * 1000;
    const problems = inspectSignature(jwt(claims({ iat, exp: iat + 7200, tokenExp: undefined })), { now: NOW }).problems;
    assert.deepEqual(problems.map((p) => p.code), ['iat-future']);
    assert.match(problems[0]!.hint, /milliseconds/);
  });

  it('expired when exp is at or before now', () => {
    const at = (exp: number) => codes(jwt(claims({ iat: exp - 7200, exp, tokenExp: exp })));
    assert.deepEqual(at(NOW), ['expired']);
    assert.deepEqual(at(NOW - 1), ['expired']);
    assert.deepEqual(at(NOW + 1), []);
    assert.match(only(jwt(claims({ iat: NOW - 7300, exp: NOW - 100, tokenExp: NOW - 100 }))).message, /1 min ago/);
  });

  it('lifetime must lie within [1800, 172800], boundaries included', () => {
    const life = (seconds: number) =>
      codes(jwt(claims({ iat: NOW - 10, exp: NOW - 10 + seconds, tokenExp: undefined })));
    assert.deepEqual(life(MIN_SIGNATURE_LIFETIME), []);
    assert.deepEqual(life(MAX_SIGNATURE_LIFETIME), []);
    assert.deepEqual(life(MIN_SIGNATURE_LIFETIME - 1), ['lifetime']);
    assert.deepEqual(life(MAX_SIGNATURE_LIFETIME + 1), ['lifetime']);
  });

  it('token-exp when tokenExp is earlier than iat + 1800', () => {
    const iat = NOW - 10;
    assert.deepEqual(codes(jwt(claims({ iat, tokenExp: iat + MIN_SIGNATURE_LIFETIME - 1 }))), ['token-exp']);
    assert.deepEqual(codes(jwt(claims({ iat, tokenExp: iat + MIN_SIGNATURE_LIFETIME }))), []);
  });

  it('uses the clock when now is not given', () => {
    const clock = Math.floor(Date.now() / 1000);
    const fresh = jwt(claims({ iat: clock - 30, exp: clock + 7170, tokenExp: clock + 7170 }));
    assert.deepEqual(inspectSignature(fresh).problems, []);
    const stale = jwt(claims({ iat: clock - 7300, exp: clock - 100, tokenExp: clock - 100 }));
    assert.deepEqual(inspectSignature(stale).problems.map((p) => p.code), ['expired']);
    const early = jwt(claims({ iat: clock + 3600, exp: clock + 10800, tokenExp: clock + 10800 }));
    assert.deepEqual(inspectSignature(early).problems.map((p) => p.code), ['iat-future']);
  });
});

describe('inspectSignature: everything else', () => {
  it('video-webrtc-mode warning for values other than 0 and 1', () => {
    const problem = only(jwt(claims({ video_webrtc_mode: true })));
    assert.equal(problem.code, 'video-webrtc-mode');
    assert.equal(problem.severity, 'warning');
  });

  it('reports several problems at once, in a stable order', () => {
    const token = jwt({ mn: 'x', role: 3, iat: '1', exp: NOW - 5 }, { alg: 'none' });
    assert.deepEqual(codes(token), ['alg', 'missing-app-key', 'meeting-number-format', 'role-invalid', 'claim-type', 'expired']);
  });

  it('every problem has a message and a hint that never quote the token or its signature part', () => {
    const signaturePart = 'SIGNATUREPARTthatmustneverleak0123456789abc';
    const payloads = [
      claims({ appKey: undefined, sdkKey: undefined }),
      claims({ sdkKey: 'x' }),
      claims({ mn: 'abc' }),
      claims({ role: '0' }),
      claims({ iat: 'a', exp: NOW - 1, tokenExp: 'b' }),
      claims({ exp: NOW + 10 }),
      claims({ video_webrtc_mode: 'yes' }),
    ];
    const seen = new Set<string>();
    for (const payload of payloads) {
      const token = `${b64url({ alg: 'RS256' })}.${b64url(payload)}.${signaturePart}`;
      const { problems } = inspectSignature(token, { now: NOW, meetingNumber: '1', role: 1, sdkKey: 'k' });
      for (const problem of problems) {
        seen.add(problem.code);
        assert.ok(problem.message.length > 20 && problem.hint.length > 20, problem.code);
        assert.ok(problem.steps.length >= 1 && problem.steps.length <= 4, `${problem.code}: 1–4 steps`);
        for (const text of [problem.message, problem.hint, ...problem.steps]) {
          assert.ok(!text.includes(signaturePart), `${problem.code} leaks the signature part`);
          assert.ok(!text.includes(b64url(payload)), `${problem.code} leaks the payload`);
        }
      }
    }
    assert.ok(seen.size >= 10);
  });

  it('hasErrors ignores warnings', () => {
    assert.equal(hasErrors([]), false);
    assert.equal(hasErrors([{ code: 'role-type', severity: 'warning', message: '', hint: '', steps: [] }]), false);
    assert.equal(hasErrors(inspectSignature('x').problems), true);
  });
});
