import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCategory, ZoomJoinError } from '../../../src/zoom-join-error.js';
import { normalizeSdkError, type NormalizeContext } from '../../../src/sdk/normalize-error.js';

const CAUSE_FIELDS = ['type', 'reason', 'errorCode', 'errorMessage', 'method', 'status', 'state', 'code', 'message'];

/** `cause` keeps what the SDK said (scrubbed), never the raw value itself (it can carry the join options). */
function assertSafeCause(cause: unknown, raw: unknown): void {
  if (raw instanceof Error) {
    assert.ok(cause instanceof Error);
    assert.notEqual(cause, raw);
    assert.equal((cause as Error).name, raw.name);
    assert.equal((cause as Error).message, raw.message);
  } else if (raw !== null && typeof raw === 'object') {
    const expected = Object.fromEntries(
      CAUSE_FIELDS.flatMap((field) => {
        const value = (raw as Record<string, unknown>)[field];
        return ['string', 'number', 'boolean'].includes(typeof value) ? [[field, value]] : [];
      }),
    );
    assert.deepEqual(cause, expected);
  } else {
    assert.equal(cause, raw);
  }
}

const component: NormalizeContext = { view: 'component', stage: 'join' };
const client: NormalizeContext = { view: 'client', stage: 'join' };

const base64url = (text: string): string => Buffer.from(text).toString('base64url');
/** A realistic Meeting SDK signature (the HMAC part is random-looking; nothing verifies it here). */
const jwt = [
  base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })),
  base64url(JSON.stringify({ appKey: 'abcDEF123', sdkKey: 'abcDEF123', mn: 85746065432, role: 0, iat: 1, exp: 7201 })),
  'Qm9ndXNTaWduYXR1cmVGb3JUZXN0c09ubHlOb3RSZWFs_-x',
].join('.');

/** What the Component View throws for a signature without dots: the real engine message, not a hand-written one. */
function replaceTypeError(): unknown {
  const parts = 'not-a-jwt'.split('.');
  try {
    return (parts[1] as string).replace(/-/g, '+');
  } catch (error) {
    return error;
  }
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
}

describe('Component View rejections {type, reason, errorCode}', () => {
  test('offline join: connection error -3000', () => {
    const raw = { type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 };
    const error = normalizeSdkError(raw, component);
    assert.ok(error instanceof ZoomJoinError);
    assert.equal(error.code, 'connection-error');
    assert.equal(error.category, ErrorCategory.network);
    assert.equal(error.retryable, true);
    assert.equal(error.sdkCode, -3000);
    assert.equal(error.sdkType, 'JOIN_MEETING_FAILED');
    assert.equal(error.view, 'component');
    assertSafeCause(error.cause, raw);
    assert.match(error.message, /\[Zoom -3000\]/);
  });

  test('relative asset path: dependent assets are not accessible 5001', () => {
    const error = normalizeSdkError(
      { type: 'INVALID_PARAMETERS', reason: 'dependent assets are not accessible', errorCode: 5001 },
      component,
    );
    assert.equal(error.code, 'assets-unreachable');
    assert.equal(error.category, ErrorCategory.assets);
    assert.equal(error.sdkType, 'INVALID_PARAMETERS');
    assert.match(error.message, /dependent assets are not accessible/);
    assert.match([error.hint, ...error.steps].join(' '), /absolute/);
    assert.ok(error.steps.length > 0, 'the steps travel with the error');
  });

  test('init without a root: zoomAppRoot cannot be falsy -1', () => {
    const error = normalizeSdkError(
      { type: 'INIT_MEETING_FAILED', reason: 'zoomAppRoot cannot be falsy', errorCode: -1 },
      { view: 'component', stage: 'init' },
    );
    assert.equal(error.code, 'app-root-missing');
    assert.equal(error.category, ErrorCategory.config);
    assert.equal(error.sdkCode, -1);
    assert.equal(error.sdkType, 'INIT_MEETING_FAILED');
  });

  test('server answers by number: 3712, 3008', () => {
    const invalid = normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 }, component);
    assert.equal(invalid.code, 'signature-invalid');
    assert.equal(invalid.category, ErrorCategory.signature);
    // The SDK's reason only restates the title; it is not repeated in the message.
    assert.doesNotMatch(invalid.message, /SDK said/);
    const notStarted = normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: 'Meeting has not started', errorCode: 3008 }, component);
    assert.equal(notStarted.code, 'meeting-not-started');
    assert.equal(notStarted.retryable, true);
  });

  test('a vague number with a telling reason: the reason decides, the number is kept', () => {
    const error = normalizeSdkError(
      { type: 'INVALID_PARAMETERS', reason: 'Cannot use both obfToken and zak token simultaneously', errorCode: 5013 },
      component,
    );
    assert.equal(error.code, 'zak-and-obf-token');
    assert.equal(error.sdkCode, 5013);
    const ping = normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: 200 }, component);
    assert.equal(ping.code, 'connection-error');
    assert.equal(ping.sdkCode, 200);
  });

  test('1 is a timeout in the Component View, a failed join in the Client View', () => {
    assert.equal(normalizeSdkError({ type: 'OPERATION_TIMEOUT', errorCode: 1 }, component).code, 'operation-timeout');
    assert.equal(normalizeSdkError({ errorCode: 1 }, client).code, 'join-failed');
  });

  test('a type without a number', () => {
    const error = normalizeSdkError({ type: 'INSUFFICIENT_PRIVILEGES', reason: 'only host' }, component);
    assert.equal(error.code, 'insufficient-privileges');
    assert.equal(error.category, ErrorCategory.permission);
    assert.equal(error.sdkCode, undefined);
  });

  test('an unknown number keeps it, generic, not retryable', () => {
    const error = normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: 'something new', errorCode: 98765 }, component);
    assert.equal(error.code, 'sdk-unknown');
    assert.equal(error.sdkCode, 98765);
    assert.equal(error.retryable, false);
    assert.match(error.message, /something new/);
  });
});

describe('Client View callback errors {method, status, errorCode, errorMessage}', () => {
  test('offline: Fail to join the meeting, 1', () => {
    const raw = { method: 'join', status: false, result: null, errorMessage: 'Fail to join the meeting.', errorCode: 1 };
    const error = normalizeSdkError(raw, client);
    assert.equal(error.code, 'join-failed');
    assert.equal(error.sdkCode, 1);
    assert.equal(error.view, 'client');
    assertSafeCause(error.cause, raw);
    assert.doesNotMatch(error.message, /SDK said/);
  });

  test('3712 in the same shape', () => {
    const error = normalizeSdkError(
      { method: 'join', status: false, result: null, errorMessage: 'Signature is invalid.', errorCode: 3712 },
      client,
    );
    assert.equal(error.code, 'signature-invalid');
    assert.equal(error.sdkCode, 3712);
    assert.equal(error.sdkType, undefined);
  });

  test('numeric strings and 4003 with a named parameter', () => {
    assert.equal(normalizeSdkError({ errorCode: '3008', errorMessage: 'Meeting has not started' }, client).code, 'meeting-not-started');
    const error = normalizeSdkError(
      { method: 'join', status: false, result: null, errorCode: 4003, errorMessage: 'userName length > 128 or userName is empty' },
      client,
    );
    assert.equal(error.code, 'user-name-invalid');
    assert.equal(error.sdkCode, 4003);
  });

  test('no code at all: the storage message', () => {
    const error = normalizeSdkError(
      { method: 'join', status: false, result: "There isn't enough available storage space in your browser to continue. " },
      client,
    );
    assert.equal(error.code, 'storage-full');
    assert.equal(error.category, ErrorCategory.browser);
  });

  test('no code and unknown text', () => {
    const error = normalizeSdkError(
      { method: 'join', status: false, result: null, errorMessage: 'join/joinTest function fail, please check your console', errorCode: '' },
      client,
    );
    assert.equal(error.code, 'sdk-unknown');
    assert.equal(error.sdkCode, undefined);
    assert.match(error.message, /join\/joinTest function fail/);
  });
});

describe('connection-change payloads', () => {
  test("state 'Fail' with a code", () => {
    const error = normalizeSdkError({ state: 'Fail', reason: 'connection error', errorCode: -3000 }, component);
    assert.equal(error.code, 'connection-error');
    assert.equal(error.sdkCode, -3000);
    assert.equal(error.sdkType, 'connection-change');
    assert.equal(error.retryable, true);
  });

  test('a reason without a code', () => {
    assert.equal(normalizeSdkError({ state: 'Closed', reason: 'kicked by host' }, component).code, 'removed-by-host');
    assert.equal(normalizeSdkError({ state: 'Closed', reason: 'ended by host' }, component).code, 'meeting-ended');
  });
});

describe('plain Errors the SDK throws or rejects with', () => {
  const cases: ReadonlyArray<[string, string, ErrorCategory]> = [
    ['userName cannot be empty', 'user-name-invalid', ErrorCategory.config],
    ['appKey can not empty in the signature', 'signature-app-key-missing', ErrorCategory.signature],
    ['zoomAppRoot must be defined', 'app-root-missing', ErrorCategory.config],
    ['zak and obfToken are mutually exclusive. Please provide only one.', 'zak-and-obf-token', ErrorCategory.config],
    [
      'Using a Zoom JWT App type API Key (apiKey) is no longer available in version 2.7.0+ of the SDK.',
      'jwt-app-key-unsupported',
      ErrorCategory.signature,
    ],
    ['base64 string is not of the correct length', 'signature-malformed', ErrorCategory.signature],
  ];
  for (const [message, code, category] of cases) {
    test(message, () => {
      const raw = new Error(message);
      const error = normalizeSdkError(raw, component);
      assert.equal(error.code, code);
      assert.equal(error.category, category);
      assertSafeCause(error.cause, raw);
      assert.equal(error.sdkCode, undefined);
    });
  }

  test("a non-JWT signature: the TypeError (reading 'replace')", () => {
    const raw = replaceTypeError();
    assert.ok(raw instanceof TypeError);
    assert.match(raw.message, /replace/);
    const error = normalizeSdkError(raw, component);
    assert.equal(error.code, 'signature-malformed');
    assert.equal(error.category, ErrorCategory.signature);
    // Outside join the same TypeError says nothing about the signature.
    assert.equal(normalizeSdkError(raw, { view: 'component', stage: 'leave' }).code, 'sdk-unknown');
  });

  test('a payload that is not base64 or not JSON', () => {
    const atobError = thrownBy(() => atob('%%%not base64%%%'));
    assert.equal(normalizeSdkError(atobError, component).code, 'signature-malformed');
    const jsonError = thrownBy(() => JSON.parse('{appKey'));
    assert.equal(normalizeSdkError(jsonError, component).code, 'signature-malformed');
  });

  test('an Error the SDK does not explain', () => {
    const error = normalizeSdkError(new RangeError('out of range'), component);
    assert.equal(error.code, 'sdk-unknown');
    assert.match(error.message, /RangeError: out of range/);
  });

  test('an abort is not a failure of the SDK: a cancelled join, the same code as the element\'s own cancel', () => {
    const error = normalizeSdkError(new DOMException('The operation was aborted.', 'AbortError'), component);
    assert.equal(error.code, 'join-cancelled');
    assert.equal(error.category, ErrorCategory.sdk);
    // Joining again, unchanged, may succeed: the same as the element's own join-cancelled.
    assert.equal(error.retryable, true);
  });
});

describe('loading the SDK module', () => {
  const load = (view: NormalizeContext['view']): NormalizeContext => ({ view, stage: 'load' });

  test('a failed dynamic import', () => {
    const raw = new TypeError('Failed to fetch dynamically imported module: https://app.example/assets/zoom-embedded.js');
    const error = normalizeSdkError(raw, load('component'));
    assert.equal(error.code, 'sdk-load-failed');
    assert.ok(error.category === ErrorCategory.assets || error.category === ErrorCategory.network);
    assert.equal(error.retryable, true);
    assertSafeCause(error.cause, raw);
    assert.match(error.message, /Component View/);
    assert.match(error.message, /zoom-embedded\.js/);
  });

  test('the network named as the cause', () => {
    const error = normalizeSdkError(new Error('net::ERR_INTERNET_DISCONNECTED'), load('client'));
    assert.equal(error.code, 'sdk-load-failed');
    assert.equal(error.category, ErrorCategory.network);
  });

  test('HTML served instead of JavaScript', () => {
    const error = normalizeSdkError(new SyntaxError("Unexpected token '<'"), load('client'));
    assert.equal(error.code, 'sdk-load-failed');
    assert.equal(error.category, ErrorCategory.assets);
  });
});

describe('anything else', () => {
  const odd: ReadonlyArray<[string, unknown, RegExp]> = [
    ['a string', 'boom', /"boom"/],
    ['null', null, /null/],
    ['undefined', undefined, /undefined/],
    ['a number', 3712, /3712 \(number\)/],
    ['a boolean', false, /false \(boolean\)/],
    ['a symbol', Symbol('odd'), /Symbol\(odd\)/],
    ['a function', function namedThing(): void {}, /a function \(namedThing\)/],
    ['an array', [1, 2], /Array/],
    ['an empty object', {}, /Object \{\}/],
  ];
  for (const [label, raw, described] of odd) {
    test(label, () => {
      const error = normalizeSdkError(raw, component);
      assert.equal(error.code, 'sdk-unknown');
      assert.equal(error.category, ErrorCategory.sdk);
      assert.equal(error.retryable, false);
      assert.equal(error.sdkCode, undefined);
      assert.match(error.message, described);
      assertSafeCause(error.cause, raw);
    });
  }

  test('a string the SDK uses as a reason is still recognised', () => {
    assert.equal(normalizeSdkError('connection error', component).code, 'connection-error');
  });

  test('an object whose getters throw does not break normalisation', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading');
        },
        ownKeys() {
          throw new Error('no listing');
        },
      },
    );
    const error = normalizeSdkError(hostile, component);
    assert.equal(error.code, 'sdk-unknown');
  });

  test('a ZoomJoinError passes through untouched', () => {
    const original = new ZoomJoinError({ code: 'sdk-unknown', category: ErrorCategory.config, message: 'm', hint: 'h' });
    assert.equal(normalizeSdkError(original, component), original);
  });
});

describe('messages never contain a secret', () => {
  const passcode = 'Pa$$-w0rd 7';
  const zak = 'zakTokenValue1234567890';
  const secrets = [jwt, passcode, zak];
  const withSecrets: NormalizeContext = { view: 'component', stage: 'join', secrets };

  /** Everything a page might show or log: the message, the title, and the JSON of the error. */
  function exposed(error: ZoomJoinError): string {
    return [error.message, error.title, error.hint, ...error.steps, error.sdkType ?? '', JSON.stringify(error)].join('\n');
  }

  function assertClean(error: ZoomJoinError, label: string): void {
    const text = exposed(error);
    for (const secret of [...secrets, encodeURIComponent(passcode)]) {
      assert.ok(!text.includes(secret), `${label}: leaks ${secret.slice(0, 12)}…`);
    }
    // Not even the signing part alone, nor the payload.
    assert.ok(!text.includes(jwt.split('.')[1] ?? '-'), `${label}: leaks the JWT payload`);
  }

  const shapes: ReadonlyArray<[string, unknown]> = [
    ['a reason', { type: 'JOIN_MEETING_FAILED', reason: `bad passcode ${passcode} with ${jwt}`, errorCode: 3004 }],
    ['an unknown code', { type: 'JOIN_MEETING_FAILED', reason: `zak ${zak} rejected`, errorCode: 98765 }],
    ['a Client View errorMessage', { method: 'join', status: false, errorCode: 4003, errorMessage: `${passcode} is wrong` }],
    ['an Error', new Error(`signature ${jwt} is bad`)],
    ['a thrown string', `token=${zak}`],
    ['the bare signature', jwt],
    ['a URL-encoded passcode', { errorCode: 200, reason: `pwd=${encodeURIComponent(passcode)}` }],
    ['a connection-change', { state: 'Fail', reason: `${zak}`, errorCode: 4014 }],
    ['a load failure', new TypeError(`Failed to fetch dynamically imported module: https://x.example/?sig=${jwt}`)],
  ];
  for (const [label, raw] of shapes) {
    test(label, () => {
      assertClean(normalizeSdkError(raw, withSecrets), label);
      assertClean(normalizeSdkError(raw, { ...withSecrets, stage: 'load' }), `${label} (load)`);
      assert.match(normalizeSdkError(raw, withSecrets).message, /\[redacted\]/, label);
    });
  }

  test('JWT-shaped strings are scrubbed even when nobody listed them', () => {
    const error = normalizeSdkError(new Error(`bad token ${jwt}`), component);
    assert.ok(!error.message.includes(jwt));
    assert.match(error.message, /\[redacted\]/);
  });

  test('field names that hold credentials are never described', () => {
    const error = normalizeSdkError(
      { method: 'join', status: false, errorCode: '', errorMessage: 'odd', signature: 'plainSecretValue', data: { zak } },
      component,
    );
    assert.equal(error.code, 'sdk-unknown');
    assert.ok(!error.message.includes('plainSecretValue'));
    assert.ok(!error.message.includes(zak));
  });

  test('a secret cut by the length limit does not leak half of itself', () => {
    const long = `${'x'.repeat(280)} ${zak} ${'y'.repeat(400)}`;
    const error = normalizeSdkError(long, withSecrets);
    assert.ok(!error.message.includes(zak.slice(0, 10)));
  });

  test('file names and URLs that are not secrets survive', () => {
    const error = normalizeSdkError(
      { type: 'INVALID_PARAMETERS', reason: 'failed: https://cdn.example.com/6.2.0/lib/av/js_media.min.js', errorCode: 5001 },
      withSecrets,
    );
    assert.match(error.message, /js_media\.min\.js/);
    assert.match(error.message, /cdn\.example\.com/);
  });

  test('empty strings in the secret list change nothing', () => {
    const error = normalizeSdkError({ errorCode: 3008 }, { ...component, secrets: ['', passcode] });
    assert.equal(error.message, 'The meeting has not started [Zoom 3008]');
  });
});

test('cause never carries the join options the Client View attaches (signature, zak)', () => {
  const signature = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2lnbmF0dXJlLXBhcnQ';
  const raw = {
    method: 'join',
    status: false,
    errorCode: 3712,
    errorMessage: 'Signature is invalid.',
    args: { signature, zak: 'zak-SECRET-value', userName: 'Ada' },
  };
  const error = normalizeSdkError(raw, { view: 'client', stage: 'join', secrets: [signature, 'zak-SECRET-value'] });
  const serialised = JSON.stringify(error.cause) + String(error.message) + String(error.hint) + error.steps.join(' ');
  assert.ok(!serialised.includes(signature));
  assert.ok(!serialised.includes('zak-SECRET-value'));
  assert.equal((error.cause as { errorCode?: number }).errorCode, 3712);
});
