/**
 * Reads a Meeting SDK signature (JWT) in the page and lists what Zoom will reject, before join() turns it into
 * an opaque 3705/3706/3712. It decodes and never verifies: the secret stays on the server.
 */

import { msg, str } from '@lit/localize';
import type { ErrorAdvice, SignatureProblem } from '../zoom-join-error.js';
import { decodeJsonObjectSegment } from './base64url.js';
import { formatDuration, isoTime, showValue } from './claim-format.js';

/** Stable problem codes; pages and tests match on these, the wording may change. */
export const SignatureProblemCode = {
  malformed: 'malformed',
  alg: 'alg',
  missingAppKey: 'missing-app-key',
  sdkKeyOnly: 'sdk-key-only',
  appKeyMismatch: 'app-key-mismatch',
  missingMeetingNumber: 'missing-meeting-number',
  meetingNumberFormat: 'meeting-number-format',
  meetingNumberMismatch: 'meeting-number-mismatch',
  roleInvalid: 'role-invalid',
  roleType: 'role-type',
  roleMismatch: 'role-mismatch',
  claimType: 'claim-type',
  iatFuture: 'iat-future',
  expired: 'expired',
  lifetime: 'lifetime',
  tokenExp: 'token-exp',
  videoWebRtcMode: 'video-webrtc-mode',
} as const;
export type SignatureProblemCode = (typeof SignatureProblemCode)[keyof typeof SignatureProblemCode];

/** Zoom's accepted range for `exp − iat`, in seconds (30 min to 48 h). */
export const MIN_SIGNATURE_LIFETIME = 1800;
export const MAX_SIGNATURE_LIFETIME = 172800;
/** How far `iat` may sit in the future before we blame a clock; generous because devices drift. */
export const DEFAULT_SKEW_SECONDS = 300;

/** What `inspectSignature` compares the claims against; whatever is left out is not compared. */
export interface SignatureExpectations {
  /** The meeting number the page will join; compared digits-only, so "123 4567 8901" is fine. */
  meetingNumber?: string | number;
  role?: number;
  /** The Meeting SDK Client ID the page expects the token to carry. */
  sdkKey?: string;
  /** Current time in seconds since the epoch; defaults to the clock. */
  now?: number;
  /** Tolerated clock difference for `iat`, in seconds; default 300. */
  skewSeconds?: number;
}

export interface SignatureInspection {
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  problems: SignatureProblem[];
}

function signWithMeetingSdkApp(): string {
  return msg('Sign it on your server with the Client ID and Client Secret of a Meeting SDK app (Zoom App Marketplace → Develop → General App / Meeting SDK), not with OAuth or Server-to-Server OAuth credentials.');
}

/** `hint` is why Zoom refuses it, in one sentence; `steps` what to do. The problem's message says what was found. */
function advice(hint: string, ...steps: string[]): ErrorAdvice {
  return { hint, steps };
}

export function hasErrors(problems: readonly SignatureProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

export function inspectSignature(jwt: string, expected: SignatureExpectations = {}): SignatureInspection {
  const problems: SignatureProblem[] = [];
  const add: AddProblem = (code, severity, message, { hint, steps }) =>
    problems.push({ code, severity, message, hint, steps: [...steps] });

  const structure = describeMalformed(jwt);
  if (structure) {
    add('malformed', 'error', structure, malformed());
    return { header: null, payload: null, problems };
  }
  const [headerPart = '', payloadPart = ''] = jwt.split('.');
  const header = decodeJsonObjectSegment(headerPart);
  const payload = decodeJsonObjectSegment(payloadPart);
  if (!header || !payload) {
    const which = !header && !payload ? msg('header and payload are') : !header ? msg('header is') : msg('payload is');
    add('malformed', 'error', msg(str`The signature's JWT ${which} not base64url-encoded JSON objects.`), malformed());
    return { header, payload, problems };
  }

  if (header['alg'] !== 'HS256') {
    add(
      'alg',
      'error',
      msg(str`The signature is signed with alg ${showValue(header['alg'])}; Zoom accepts only HS256.`),
      advice(
        msg('Zoom verifies only HMAC SHA-256 signatures (alg HS256).'),
        msg('Sign with HMAC SHA-256 (header alg "HS256").'),
        signWithMeetingSdkApp(),
      ),
    );
  }

  checkKeys(payload, expected, add);
  checkMeetingNumber(payload, expected, add);
  checkRole(payload, expected, add);
  checkTimes(payload, expected, add);

  const webRtcMode = payload['video_webrtc_mode'];
  if (webRtcMode !== undefined && webRtcMode !== 0 && webRtcMode !== 1) {
    add(
      'video-webrtc-mode',
      'warning',
      msg(str`The signature's video_webrtc_mode is ${showValue(webRtcMode)}; the SDK understands only the numbers 0 and 1.`),
      advice(
        msg('The SDK understands only the numbers 0 and 1 for video_webrtc_mode.'),
        msg('Send video_webrtc_mode as the number 1 (gallery view without SharedArrayBuffer) or 0, or leave it out.'),
      ),
    );
  }

  return { header, payload, problems };
}

type AddProblem = (
  code: SignatureProblemCode,
  severity: SignatureProblem['severity'],
  message: string,
  advice: ErrorAdvice,
) => void;

function malformed(): ErrorAdvice {
  return advice(
    msg('Zoom expects a JWT (three base64url parts joined by dots), and this value cannot be one.'),
    msg('Pass exactly the JWT your signature endpoint returns: the "signature" field of its JSON answer.'),
    msg('Do not pass the whole response, a ZAK, or an OAuth access token.'),
  );
}

/** Why the string cannot be a JWT at all, or `undefined` when it has the right shape. */
function describeMalformed(jwt: unknown): string | undefined {
  if (typeof jwt !== 'string' || jwt === '') return msg('The signature is empty.');
  if (/^bearer\s/i.test(jwt)) return msg('The signature starts with "Bearer "; that prefix belongs to HTTP headers.');
  if (/\s/.test(jwt)) return msg('The signature contains whitespace or line breaks; a JWT has none.');
  const parts = jwt.split('.');
  if (parts.length !== 3) {
    return parts.length === 1
      ? msg('The signature has 1 dot-separated part; a JWT has three (header.payload.signature).')
      : msg(str`The signature has ${parts.length} dot-separated parts; a JWT has three (header.payload.signature).`);
  }
  const empty = parts.findIndex((part) => part === '');
  if (empty !== -1) return msg(str`The signature's ${['header', 'payload', 'signature'][empty]} part is empty.`);
  return undefined;
}

function keyClaim(payload: Record<string, unknown>, name: 'appKey' | 'sdkKey'): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function checkKeys(payload: Record<string, unknown>, expected: SignatureExpectations, add: AddProblem): void {
  const appKey = keyClaim(payload, 'appKey');
  const sdkKey = keyClaim(payload, 'sdkKey');
  if (appKey === undefined && sdkKey === undefined) {
    add(
      'missing-app-key',
      'error',
      msg('The signature carries neither appKey nor sdkKey, so the SDK cannot tell which app signed it ("appKey can not empty").'),
      advice(
        msg('Without appKey or sdkKey, Zoom cannot tell which app signed the token.'),
        msg("Put the Meeting SDK app's Client ID in the payload as appKey (no sdkKey claim: the SDK warns that it is deprecated)."),
        signWithMeetingSdkApp(),
      ),
    );
    return;
  }
  if (appKey === undefined) {
    add(
      'sdk-key-only',
      'warning',
      msg('The signature carries sdkKey but no appKey; Meeting SDK 5.0 and later expect appKey.'),
      advice(
        msg('Meeting SDK 5.0 and later read the app from appKey, and this token carries only sdkKey.'),
        msg("Add appKey with the same value as sdkKey (the Meeting SDK app's Client ID)."),
      ),
    );
  }
  if (appKey !== undefined && sdkKey !== undefined && appKey !== sdkKey) {
    add(
      'app-key-mismatch',
      'error',
      msg(str`The signature's appKey ${showValue(appKey)} and sdkKey ${showValue(sdkKey)} differ.`),
      advice(
        msg('Zoom checks the token against one app, and appKey and sdkKey name two.'),
        msg("Set both to the Meeting SDK app's Client ID, the same app whose Client Secret signs the token."),
      ),
    );
    return;
  }
  const carried = appKey ?? sdkKey;
  if (expected.sdkKey !== undefined && carried !== expected.sdkKey) {
    add(
      'app-key-mismatch',
      'error',
      msg(str`The signature was made for app ${showValue(carried)}, but this page expects ${showValue(expected.sdkKey)}.`),
      advice(
        msg('The signature endpoint and the page use different Meeting SDK apps (often a development key against a production page).'),
        msg('Give both the same Client ID.'),
      ),
    );
  }
}

function checkMeetingNumber(payload: Record<string, unknown>, expected: SignatureExpectations, add: AddProblem): void {
  const mn = payload['mn'];
  if (mn === undefined || mn === null || mn === '') {
    add(
      'missing-meeting-number',
      'error',
      msg('The signature has no meeting number (mn claim); the web SDK cannot join with it.'),
      advice(
        msg('The web SDK cannot join with a signature that names no meeting.'),
        msg('Send the meeting number to your signature endpoint.'),
        msg('Sign it as mn (digits only).'),
      ),
    );
    return;
  }
  const text = typeof mn === 'number' || typeof mn === 'string' ? String(mn) : '';
  if (!/^\d+$/.test(text)) {
    add(
      'meeting-number-format',
      'error',
      msg(str`The signature's meeting number (mn) is ${showValue(mn)}; it must hold digits only.`),
      advice(
        msg('Zoom compares mn, digit for digit, to the number you join.'),
        msg('Strip spaces and dashes before signing ("123 4567 8901" → "12345678901").'),
      ),
    );
  }
  if (expected.meetingNumber === undefined) return;
  const wanted = String(expected.meetingNumber).replace(/\D/g, '');
  const signed = text.replace(/\D/g, '');
  if (wanted !== '' && signed !== wanted) {
    add(
      'meeting-number-mismatch',
      'error',
      msg(str`The signature is for meeting ${showValue(signed)}, but this page joins meeting ${showValue(wanted)}.`),
      advice(
        msg('Zoom refuses a signature made for another meeting (it answers 3706), and a cached signature from another meeting is a common cause.'),
        msg('Request the signature with the same meeting number you join.'),
      ),
    );
  }
}

function checkRole(payload: Record<string, unknown>, expected: SignatureExpectations, add: AddProblem): void {
  const role = payload['role'];
  let effective: number | undefined;
  if (role === 0 || role === 1) {
    effective = role;
  } else if (role === '0' || role === '1') {
    effective = Number(role);
    add(
      'role-type',
      'warning',
      msg(str`The signature's role is the string ${showValue(role)}; Zoom documents it as a number.`),
      advice(
        msg('Zoom documents role as a number, so a string may be refused.'),
        msg("Sign role as the number 0 (attendee) or 1 (host), as Zoom's sample endpoint does with Number()."),
      ),
    );
  } else {
    add(
      'role-invalid',
      'error',
      role === undefined
        ? msg('The signature has no role claim.')
        : msg(str`The signature's role is ${showValue(role)}; it must be 0 (attendee) or 1 (host).`),
      advice(
        msg('Zoom accepts only role 0 (attendee) or 1 (host).'),
        msg('Sign role as the number 0 to join as an attendee, or 1 to start the meeting as its host.'),
        msg("Pass the host's ZAK as well with role 1."),
      ),
    );
  }
  if (expected.role !== undefined && effective !== undefined && effective !== expected.role) {
    add(
      'role-mismatch',
      'error',
      msg(str`The signature grants role ${effective}, but this page joins with role ${expected.role}.`),
      advice(
        msg('Zoom refuses a signature whose role differs from the role you join with (it answers 3708, incorrect role).'),
        msg('Request the signature with the role you join with.'),
      ),
    );
  }
}

function checkTimes(payload: Record<string, unknown>, expected: SignatureExpectations, add: AddProblem): void {
  const now = expected.now ?? Math.floor(Date.now() / 1000);
  const skew = expected.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  const iat = numericClaim(payload, 'iat', add);
  const exp = numericClaim(payload, 'exp', add);

  if (iat !== undefined && iat > now + skew) {
    add(
      'iat-future',
      'error',
      msg(str`The signature was issued ${formatDuration(iat - now)} in the future (iat ${isoTime(iat)}).`),
      looksLikeMilliseconds(iat)
        ? advice(
            msg('iat looks like milliseconds, and Zoom reads it as seconds.'),
            msg('Use Math.floor(Date.now() / 1000) (seconds) for iat.'),
          )
        : advice(
            msg("The signing server's clock is ahead or this device's clock is behind."),
            msg('Sign with iat = now − 30 s.'),
            msg('Check both clocks (NTP).'),
          ),
    );
  }
  if (exp !== undefined && exp <= now) {
    add(
      'expired',
      'error',
      msg(str`The signature expired ${formatDuration(now - exp)} ago (exp ${isoTime(exp)}).`),
      advice(
        msg("Zoom refuses an expired signature: a stored one was reused, or, if it was just made, the signing server's clock or this device's clock is wrong."),
        msg('Fetch a fresh signature right before joining instead of reusing a stored one.'),
        msg("If it was just made, check the signing server's clock and this device's clock (NTP)."),
      ),
    );
  }
  if (iat !== undefined && exp !== undefined) {
    const lifetime = exp - iat;
    if (lifetime < MIN_SIGNATURE_LIFETIME || lifetime > MAX_SIGNATURE_LIFETIME) {
      add(
        'lifetime',
        'error',
        msg(str`The signature is valid for ${lifetime < 0 ? '−' : ''}${formatDuration(lifetime)} (exp − iat = ${lifetime} s); Zoom accepts ${MIN_SIGNATURE_LIFETIME}–${MAX_SIGNATURE_LIFETIME} s (30 min to 48 h).`),
        looksLikeMilliseconds(iat) || looksLikeMilliseconds(exp)
          ? advice(
              msg('iat or exp looks like milliseconds, and both must be seconds since the epoch.'),
              msg('Use seconds since the epoch for iat and exp (Math.floor(Date.now() / 1000)).'),
            )
          : advice(
              msg(str`Zoom accepts a signature lifetime (exp − iat) of ${MIN_SIGNATURE_LIFETIME}–${MAX_SIGNATURE_LIFETIME} s only.`),
              msg("Sign with exp = iat + 7200 (two hours, as in Zoom's sample) or any value in that range."),
            ),
      );
    }
  }

  const tokenExp = payload['tokenExp'];
  if (tokenExp === undefined) return;
  if (typeof tokenExp !== 'number' || !Number.isFinite(tokenExp)) {
    add('claim-type', 'error', msg(str`The signature's tokenExp is ${showValue(tokenExp)}, not a number.`), numericTime());
  } else if (iat !== undefined && tokenExp < iat + MIN_SIGNATURE_LIFETIME) {
    add(
      'token-exp',
      'error',
      tokenExp < iat
        ? msg(str`The signature's tokenExp is ${formatDuration(tokenExp - iat)} before iat; it must be at least ${MIN_SIGNATURE_LIFETIME} s after it.`)
        : msg(str`The signature's tokenExp is only ${formatDuration(tokenExp - iat)} after iat; it must be at least ${MIN_SIGNATURE_LIFETIME} s after it.`),
      advice(msg(str`Zoom wants tokenExp at least ${MIN_SIGNATURE_LIFETIME} s after iat.`), msg('Set tokenExp to the same value as exp.')),
    );
  }
}

function numericTime(): ErrorAdvice {
  return advice(
    msg('Zoom reads iat, exp and tokenExp as numbers of seconds since the epoch.'),
    msg('Sign iat, exp and tokenExp as numbers (Math.floor(Date.now() / 1000)), not strings.'),
  );
}

function numericClaim(payload: Record<string, unknown>, name: 'iat' | 'exp', add: AddProblem): number | undefined {
  const value = payload[name];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  add(
    'claim-type',
    'error',
    value === undefined
      ? msg(str`The signature has no ${name} claim.`)
      : msg(str`The signature's ${name} is ${showValue(value)}, not a number.`),
    numericTime(),
  );
  return undefined;
}

/** Seconds since the epoch stay below 1e11 until the year 5138; larger values are almost surely Date.now(). */
function looksLikeMilliseconds(value: number): boolean {
  return Math.abs(value) >= 1e11;
}
