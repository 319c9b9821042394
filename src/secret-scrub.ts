/**
 * Secrets out of everything the element shows or reports: error messages, titles, steps, `cause`. The secrets are
 * the join's (signature, zak, tk, obfToken, the passcode), anything shaped like a JWT, and credentials in URLs.
 */

import { ZoomJoinError, type SignatureProblem } from './zoom-join-error.js';
import { clipText, REDACTED, redactJwts, scrubHead, withoutUserinfo } from './safe-text.js';

/**
 * Shorter values are redacted only where they stand alone: a passcode "12" must not be cut out of "3712" or a
 * meeting number, but "passcode 12 is wrong" must not show it either.
 */
const MIN_SECRET_LENGTH = 4;

/** The longest token a window must hold whole to recognise it (see scrubHead): JWTs and ZAKs are well under it. */
const TOKEN_GUARD = 2048;

export interface Scrub {
  (text: string): string;
  /** How far a secret can reach: the guard scrubHead needs to scrub a head of a text safely. */
  readonly guard: number;
}

/** Replaces each secret (and its URL-encoded form) and JWT-shaped strings, and drops credentials from URLs. */
export function secretScrubber(secrets: readonly unknown[]): Scrub {
  const needles = new Set<string>();
  const shortOnes: string[] = [];
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue;
    if (secret.length < MIN_SECRET_LENGTH) {
      shortOnes.push(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      continue;
    }
    needles.add(secret);
    // The SDK URL-encodes the passcode and tokens it sends; an echo of them must not leak either.
    try {
      needles.add(encodeURIComponent(secret));
    } catch {
      // A lone surrogate cannot be encoded, so it cannot appear encoded either.
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  // Fixed-length alternatives between lookarounds: linear however long the text.
  const standalone =
    shortOnes.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${shortOnes.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  const scrub = (text: string): string => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    if (standalone) out = out.replace(standalone, REDACTED);
    return redactJwts(withoutUserinfo(out));
  };
  return Object.assign(scrub, { guard: Math.max(TOKEN_GUARD, ordered[0]?.length ?? 0) });
}

/** Scrubbed and at most `max` characters, reading only a bounded head of `text` however long it is. */
export function scrubClip(text: string, scrub: Scrub, max: number): string {
  return clipText(scrubHead(text, scrub, max, scrub.guard), max);
}

/** How much of a thrown message or stack `cause` keeps: enough to debug, never megabytes. */
const MAX_CAUSE_TEXT = 4000;
/** The longest stack that is read at all. */
const MAX_STACK_READ = 64 * 1024;

/** The fields of an SDK failure worth keeping for debugging; everything else (join options, tokens) is dropped. */
const CAUSE_FIELDS = ['type', 'reason', 'errorCode', 'errorMessage', 'method', 'status', 'state', 'code', 'message'] as const;

/** Built-in error types a copy keeps, so `cause instanceof TypeError` still tells a network failure. */
const ERROR_TYPES = [TypeError, RangeError, SyntaxError, ReferenceError, URIError, EvalError] as const;

/**
 * An Error from any realm: one thrown in a frame (the SDK's own, say) is not an `instanceof Error` of the page,
 * but its built-in tag still says what it is.
 */
export function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  try {
    const tag = Object.prototype.toString.call(value);
    // l10n-ignore: type tags
    return tag === '[object Error]' || tag === '[object DOMException]';
  } catch {
    return false; // a proxy whose getters throw (it reads Symbol.toStringTag) is no Error
  }
}

function copyError(raw: Error, message: string): Error {
  // l10n-ignore: a type tag
  if (typeof DOMException !== 'undefined' && Object.prototype.toString.call(raw) === '[object DOMException]') {
    return new DOMException(message, raw.name);
  }
  // By name rather than instanceof, so a TypeError from another realm is copied as this realm's TypeError.
  const Type = ERROR_TYPES.find((type) => raw instanceof type || type.name === raw.name) ?? Error;
  const copy = new Type(message);
  if (copy.name !== raw.name) copy.name = raw.name;
  return copy;
}

/**
 * What `cause` may hold: a copy of an Error (its built-in type, name, and message and stack scrubbed), a string
 * scrubbed, or an object reduced to the known SDK fields (strings scrubbed). Never the original: an error from a
 * provider or an SDK can carry request options, headers or join options in other fields, and consoles print them.
 */
export function safeCause(raw: unknown, scrub: Scrub): unknown {
  if (isError(raw)) {
    const copy = copyError(raw, scrubClip(raw.message, scrub, MAX_CAUSE_TEXT));
    const stack = typeof raw.stack === 'string' ? raw.stack : '';
    // A stack quotes the message: reading one of megabytes copies it whole (~100 ms), for frames of little use.
    copy.stack = stack.length <= MAX_STACK_READ ? scrubClip(stack, scrub, MAX_CAUSE_TEXT) : `${copy.name}: ${copy.message}`;
    return copy;
  }
  if (typeof raw === 'string') return scrubClip(raw, scrub, MAX_CAUSE_TEXT);
  if (raw === null || typeof raw !== 'object') return raw;
  const record = raw as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const field of CAUSE_FIELDS) {
    let value: unknown;
    try {
      value = record[field];
    } catch {
      continue; // a hostile or revoked object: keep what can be read
    }
    if (typeof value === 'string') kept[field] = scrubClip(value, scrub, MAX_CAUSE_TEXT);
    else if (typeof value === 'number' || typeof value === 'boolean') kept[field] = value;
  }
  return kept;
}

/** The longest message, hint or step an error keeps; only an error built from a huge value comes near it. */
const MAX_ERROR_TEXT = 2000;

/**
 * A copy of `error` with every text scrubbed and its `cause` made safe: the last pass before an error is shown or
 * emitted, for whatever an adapter, a provider or the SDK put in it.
 */
export function scrubError(error: ZoomJoinError, scrub: Scrub): ZoomJoinError {
  const text = (value: string): string => scrubClip(value, scrub, MAX_ERROR_TEXT);
  const problems = error.problems?.map(
    (problem): SignatureProblem => ({
      ...problem,
      message: text(problem.message),
      hint: text(problem.hint),
      steps: problem.steps.map(text),
    }),
  );
  return new ZoomJoinError({
    code: error.code,
    category: error.category,
    title: text(error.title),
    message: text(error.message),
    hint: text(error.hint),
    steps: error.steps.map(text),
    retryable: error.retryable,
    sdkCode: error.sdkCode,
    sdkType: error.sdkType === undefined ? undefined : text(error.sdkType),
    view: error.view,
    cause: safeCause(error.cause, scrub),
    problems,
    signInUrl: error.signInUrl === undefined ? undefined : text(error.signInUrl),
  });
}
