/**
 * What the element must end in when the real SDK meets each answer of the Zoom double (demo/zoom-double/wc-info.ts),
 * per view. The tests' own expectations: written by hand from Zoom's documented meaning of each number, never
 * derived from the code under test.
 */
import type { ErrorCategory, SdkView } from '../../src/zoom-join-error.js';

export interface ExpectedFailure {
  /** The element's specific code (never a catch-all). */
  code: string;
  category: ErrorCategory;
  retryable: boolean;
  /** Zoom's number on the error. */
  sdkCode: number;
}

/** The SDK shows its own prompt and waits; the element says so with this `zoom-warning` code. */
export interface ExpectedPrompt {
  warning: 'passcode-prompt' | 'registration-prompt';
}

export type Expected = ExpectedFailure | ExpectedPrompt;

const fail = (code: string, category: ErrorCategory, retryable: boolean, sdkCode: number): ExpectedFailure => ({
  code,
  category,
  retryable,
  sdkCode,
});

const signatureInvalid = fail('signature-invalid', 'signature', false, 3712);
const signatureExpired = fail('signature-expired', 'signature', false, 3705);
const notStarted = fail('meeting-not-started', 'meeting', true, 3008);

export const expectedOutcomes: Readonly<Record<string, Readonly<Record<SdkView, Expected>>>> = {
  'invalid-signature': { component: signatureInvalid, client: signatureInvalid },
  'expired-signature': { component: signatureExpired, client: signatureExpired },
  'wrong-meeting-number': {
    component: fail('meeting-number-wrong', 'signature', false, 3706),
    client: fail('meeting-number-wrong', 'signature', false, 3706),
  },
  'meeting-number-not-found': {
    component: fail('meeting-number-not-found', 'meeting', false, 3707),
    client: fail('meeting-number-not-found', 'meeting', false, 3707),
  },
  'sdk-key-invalid': {
    component: fail('sdk-key-invalid', 'signature', false, 3704),
    client: fail('sdk-key-invalid', 'signature', false, 3704),
  },
  'role-invalid': {
    component: fail('role-invalid', 'signature', false, 3708),
    client: fail('role-invalid', 'signature', false, 3708),
  },
  'another-meeting': {
    component: fail('another-meeting-in-progress', 'meeting', false, 3000),
    client: fail('another-meeting-in-progress', 'meeting', false, 3000),
  },
  'email-required': {
    component: fail('email-required', 'config', false, 3005),
    client: fail('email-required', 'config', false, 3005),
  },
  'sdk-version': {
    component: fail('sdk-version-unsupported', 'sdk', false, 10000),
    client: fail('sdk-version-unsupported', 'sdk', false, 10000),
  },
  'browser-join-disallowed': {
    component: fail('browser-join-disallowed', 'permission', false, 3611),
    client: fail('browser-join-disallowed', 'permission', false, 3611),
  },
  // Zoom answers 3001; the Client View itself renames it 3610 (same meaning).
  'meeting-not-found': {
    component: fail('meeting-not-found', 'meeting', false, 3001),
    client: fail('meeting-not-found', 'meeting', false, 3610),
  },
  'not-started': { component: notStarted, client: notStarted },
  'wrong-passcode': { component: fail('wrong-passcode', 'config', false, 3004), client: { warning: 'passcode-prompt' } },
  'not-host': { component: fail('not-host', 'permission', false, 3003), client: fail('not-host', 'permission', false, 3003) },
  removed: {
    component: fail('removed-by-host', 'permission', false, 3009),
    client: fail('removed-by-host', 'permission', false, 3009),
  },
  'join-throttled': {
    component: fail('join-throttled-captcha', 'permission', false, 3634),
    client: fail('join-throttled-captcha', 'permission', false, 3634),
  },
  'anonymous-join-disallowed': {
    component: fail('anonymous-join-disallowed', 'permission', false, 4012),
    client: fail('anonymous-join-disallowed', 'permission', false, 4012),
  },
  'registration-required': {
    component: fail('registration-required', 'permission', false, 3099),
    client: { warning: 'registration-prompt' },
  },
  'login-required': {
    component: fail('login-required', 'permission', false, 3100),
    client: fail('login-required', 'permission', false, 3100),
  },
  'tk-expired': {
    component: fail('tk-expired', 'config', false, 124),
    client: fail('tk-expired', 'config', false, 124),
  },
  'waiting-for-host': { component: notStarted, client: notStarted },
  'invalid-signature-as-3712': { component: signatureInvalid, client: signatureInvalid },
  'expired-signature-as-3705': { component: signatureExpired, client: signatureExpired },
  'invalid-signature-text-result': { component: signatureInvalid, client: signatureInvalid },
  'service-unavailable': {
    component: fail('connection-error', 'network', true, -3000),
    client: fail('connection-error', 'network', true, -3000),
  },
};

export function isPrompt(expected: Expected): expected is ExpectedPrompt {
  return 'warning' in expected;
}
