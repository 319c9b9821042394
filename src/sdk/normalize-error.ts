import { msg, str } from '@lit/localize';
import {
  describeZoomError,
  matchSdkMessage,
  sdkErrorTypes,
  unknownZoomError,
  type SdkStage,
  type ZoomErrorEntry,
} from '../error-codes/index.js';
import { joinCancelled } from '../error-codes/element-own-codes.js';
import { isCollapsedSdkCode, zoomCodeOfAnswer, zoomCodeOfText, type ZoomAnswer } from '../error-codes/zoom-answers.js';
import { ErrorCategory, ZoomJoinError, type SdkView, type ZoomJoinErrorInit } from '../zoom-join-error.js';
import { isError, safeCause, scrubClip, secretScrubber, type Scrub } from '../secret-scrub.js';

export type { SdkStage };

export interface NormalizeContext {
  view: SdkView;
  stage: SdkStage;
  /** Values that must never appear in a message: the signature, zak, tk, obfToken, the passcode… */
  secrets?: readonly string[];
  /** What Zoom's join web service answered during this join, when the adapter saw it. */
  zoomAnswer?: ZoomAnswer;
}

/**
 * Turns anything either SDK view rejects with, throws, or reports through a callback or `connection-change` into a
 * `ZoomJoinError`. Numbers go through the join-error table; the SDK's text is recognised where it says more than its
 * number; everything else becomes `sdk-unknown` with the raw value described. `cause` gets a scrubbed copy of what
 * the SDK said, never the raw value: the Client View attaches the join options (signature, zak, ...) to its errors,
 * and consoles print a `cause` chain.
 */
export function normalizeSdkError(raw: unknown, context: NormalizeContext): ZoomJoinError {
  // Already normalised (an adapter may catch its own error): normalising twice would bury the real cause.
  if (raw instanceof ZoomJoinError) return raw;
  const scrub = secretScrubber(context.secrets ?? []);
  const draft = classify(raw, context, scrub);
  const init: ZoomJoinErrorInit = {
    ...draft,
    // The final pass catches secrets in our own wording too (a passcode that happens to be in a URL, say).
    message: scrub(draft.message),
    title: scrub(draft.title ?? draft.message),
    view: context.view,
    cause: safeCause(raw, scrub),
  };
  if (draft.sdkType !== undefined) init.sdkType = safe(draft.sdkType, scrub);
  return new ZoomJoinError(init);
}

/**
 * The error for a refusal Zoom answered but the SDK never reported (the Client View, given an answer it cannot
 * parse, waits forever): Zoom's own number, said plainly.
 */
export function unreportedZoomAnswerError(answer: ZoomAnswer, context: NormalizeContext): ZoomJoinError | undefined {
  const code = zoomCodeOfAnswer(answer);
  if (code === undefined) return undefined;
  const scrub = secretScrubber(context.secrets ?? []);
  const text = answer.errorMessage === undefined ? '' : ` ("${safe(answer.errorMessage, scrub)}")`;
  const answered = answer.httpStatus >= 400 ? `HTTP ${answer.httpStatus}` : `${code}${text}`;
  const draft = build(describeZoomError(code, context.view), { sdkCode: code });
  draft.message = msg(str`${draft.message} — Zoom answered ${answered} at wc/info, but the SDK never reported it`);
  return new ZoomJoinError({ ...draft, view: context.view });
}

type Draft = Omit<ZoomJoinErrorInit, 'view' | 'cause'>;

/** What the SDK said alongside a code, if anything. */
interface Facts {
  sdkCode?: number;
  sdkType?: string;
  said?: string;
}

const sdkLoadFailed = {
  code: 'sdk-load-failed',
  get title() {
    return msg('The Zoom Meeting SDK could not be loaded');
  },
  get hint() {
    return msg('The browser could not load the Zoom Meeting SDK because the network dropped, its file is missing after a new deploy or under a wrong base path (a 404, or HTML served instead of JavaScript), or a Content-Security-Policy or content blocker refused it.');
  },
  get steps() {
    return [
      msg('Reload the page.'),
      msg("If it fails again, find the failed module request in the browser's network panel."),
      msg('Keep the chunks/ folder next to zoom-join.js, and allow it in the CSP script-src.'),
    ];
  },
  retryable: true,
} as const;

// Dynamic-import failures say "Failed to fetch dynamically imported module" whether the file is missing or the
// network is down; only these words point at the network itself.
const NETWORK_WORDS = /network|offline|timed? ?out|ERR_INTERNET|ERR_NETWORK|ERR_CONNECTION/i;

function classify(raw: unknown, context: NormalizeContext, scrub: Scrub): Draft {
  const thrown = asThrown(raw);
  // An AbortError from inside the SDK is a cancelled join, the same as one the element cancels itself.
  if (thrown?.name === 'AbortError') return build(joinCancelled, { said: describeRaw(raw, scrub) });

  if (context.stage === 'load') {
    const description = describeRaw(raw, scrub);
    const category = NETWORK_WORDS.test(description) ? ErrorCategory.network : ErrorCategory.assets;
    const viewName = context.view === 'component' ? msg('Component View') : msg('Client View');
    return {
      ...sdkLoadFailed,
      category,
      message: `${sdkLoadFailed.title} (${viewName}): ${description}`,
    };
  }

  if (thrown !== undefined) {
    const entry = matchSdkMessage(head(thrown.message), context.stage, thrown.name);
    if (entry !== undefined) return build(entry, { said: describeRaw(raw, scrub) });
    return unknownValue(raw, context, scrub);
  }

  if (typeof raw === 'string') {
    const entry = matchSdkMessage(head(raw), context.stage);
    return entry === undefined ? unknownValue(raw, context, scrub) : build(entry, { said: safe(raw, scrub) });
  }

  if (typeof raw === 'object' && raw !== null) return fromSdkObject(raw, context, scrub);
  return unknownValue(raw, context, scrub);
}

/**
 * Component View rejections `{type, reason, errorCode}`, `connection-change` payloads `{state, reason, errorCode}` and
 * Client View callback errors `{method, status, errorCode, errorMessage, result}` all land here.
 */
function fromSdkObject(value: object, context: NormalizeContext, scrub: Scrub): Draft {
  const type = readString(value, 'type');
  const state = readString(value, 'state');
  // connection-change payloads have no type; naming the event keeps their origin visible on the error.
  const sdkType = type ?? (state !== undefined ? 'connection-change' : undefined);
  const text = firstText(
    readField(value, 'reason'),
    readField(value, 'errorMessage'),
    readField(value, 'result'),
    readField(value, 'message'),
  );
  const sdkCode = toSdkCode(readField(value, 'errorCode'));
  const facts: Facts = {};
  if (sdkCode !== undefined) facts.sdkCode = sdkCode;
  if (sdkType !== undefined) facts.sdkType = sdkType;
  if (text !== undefined) facts.said = safe(text, scrub);

  // The text first: -1, 200, 4003 and 5013 each cover several mistakes that only the wording tells apart.
  const recognised = text === undefined ? undefined : matchSdkMessage(head(text), context.stage);
  if (recognised !== undefined) return build(recognised, facts);
  const recovered = recoverZoomCode(value, sdkCode, context);
  if (recovered !== undefined) {
    // An empty text says nothing: keep what the SDK said instead.
    const said = recovered.text ? safe(recovered.text, scrub) : facts.said;
    return build(describeZoomError(recovered.code, context.view), { ...facts, sdkCode: recovered.code, said });
  }
  if (sdkCode !== undefined) return build(describeZoomError(sdkCode, context.view), facts);
  const typed = sdkType !== undefined && Object.hasOwn(sdkErrorTypes, sdkType) ? sdkErrorTypes[sdkType] : undefined;
  if (typed !== undefined) return build(typed, facts);
  return unknownValue(value, context, scrub, sdkType);
}

/**
 * Zoom's own number when the SDK reported one of its catch-alls (the Component View's 200, the Client View's 1):
 * from Zoom's answer as the adapter saw it, else from the text the SDK passed on (Zoom's wording or the SDK's en-US
 * string for the number). Undefined when the SDK's number already says what Zoom meant.
 */
function recoverZoomCode(
  value: object,
  sdkCode: number | undefined,
  context: NormalizeContext,
): { code: number; text?: string } | undefined {
  if (!isCollapsedSdkCode(sdkCode, context.view)) return undefined;
  const reported = sdkCode === undefined ? undefined : describeZoomError(sdkCode, context.view).code;
  // Zoom's answer first: several numbers share a text ("Require login" is 3051, 3052 and 3100).
  const answered = context.zoomAnswer === undefined ? undefined : zoomCodeOfAnswer(context.zoomAnswer);
  if (answered !== undefined && describeZoomError(answered, context.view).code !== reported) {
    const text = [readField(value, 'reason'), readField(value, 'result')].find((field) => typeof field === 'string');
    return typeof text === 'string' ? { code: answered, text } : { code: answered };
  }
  for (const field of ['reason', 'result', 'errorMessage']) {
    const text = readField(value, field);
    if (typeof text !== 'string') continue;
    const code = zoomCodeOfText(text);
    // A text that means what the number already says (3610 "Meeting does not exist.") keeps the SDK's number.
    if (code !== undefined && describeZoomError(code, context.view).code !== reported) return { code, text };
  }
  return undefined;
}

function build(entry: Omit<ZoomErrorEntry, 'sdkKeys'>, facts: Facts): Draft {
  const codePart = facts.sdkCode === undefined ? '' : ` [Zoom ${facts.sdkCode}]`;
  // Repeating the SDK's words when they only restate the title adds noise to the error panel.
  const said =
    facts.said !== undefined && !sameWords(facts.said, entry.title) && !sameWords(facts.said, entry.sdkText)
      ? msg(str` — SDK said: ${facts.said}`)
      : '';
  const draft: Draft = {
    code: entry.code,
    category: entry.category,
    title: entry.title,
    hint: entry.hint,
    steps: entry.steps,
    retryable: entry.retryable,
    message: `${entry.title}${codePart}${said}`,
  };
  if (facts.sdkCode !== undefined) draft.sdkCode = facts.sdkCode;
  if (facts.sdkType !== undefined) draft.sdkType = facts.sdkType;
  return draft;
}

function unknownValue(raw: unknown, context: NormalizeContext, scrub: Scrub, sdkType?: string): Draft {
  const draft = build(unknownZoomError, sdkType === undefined ? {} : { sdkType });
  draft.message = msg(str`The Zoom SDK failed during ${context.stage} with an unrecognised value: ${describeRaw(raw, scrub)}`);
  return draft;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading unknown values without trusting them: SDK objects can be proxies or carry throwing getters.

interface Thrown {
  name: string;
  message: string;
}

/** Errors from another realm (an iframe) fail `instanceof Error`, so a name, a message and a stack are enough. */
function asThrown(value: unknown): Thrown | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const name = readString(value, 'name');
  const message = readString(value, 'message') ?? '';
  if (isError(value)) return { name: name ?? 'Error', message };
  if (name !== undefined && readString(value, 'stack') !== undefined) return { name, message };
  return undefined;
}

function readField(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function readString(value: object, key: string): string | undefined {
  const field = readField(value, key);
  return typeof field === 'string' ? field : undefined;
}

function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return undefined;
}

/** The SDK sends numbers, sometimes numeric strings, and "" when it has no code. */
function toSdkCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** True when `said` adds nothing to `known` (same words, or words `known` already contains). */
function sameWords(said: string, known: string | undefined): boolean {
  if (known === undefined) return false;
  const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const short = squash(said);
  return short !== '' && squash(known).includes(short);
}

const MAX_TEXT = 300;
/** How much of an SDK text is matched against the known messages: theirs are short, a huge one must not block. */
const MAX_MATCHED = 2000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** A text from outside, scrubbed and clipped without scanning more of it than the clip needs. */
function safe(text: string, scrub: Scrub): string {
  return scrubClip(text, scrub, MAX_TEXT);
}

/** The head of an SDK text, for matching: patterns never run over more than MAX_MATCHED characters. */
function head(text: string): string {
  return text.length > MAX_MATCHED ? text.slice(0, MAX_MATCHED) : text;
}

// Field names whose values are credentials or personal data; a description never shows them.
const SECRET_FIELD = /sig|secret|token|zak|^tk$|pass|pwd|obf|key|auth|cookie|email/i;

/** A short, safe, scrubbed description of any value, for messages. */
function describeRaw(value: unknown, scrub: Scrub): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `"${safe(value, scrub)}"`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${String(value)} (${typeof value})`;
    case 'symbol':
      return safe(value.toString(), scrub);
    case 'function':
      return value.name === '' ? 'a function' : `a function (${safe(value.name, scrub)})`;
    default:
      break;
  }
  const thrown = asThrown(value);
  // Each part on its own: joining them first would copy a huge message whole.
  if (thrown !== undefined) return clip(`${safe(thrown.name, scrub)}: ${safe(thrown.message, scrub)}`);
  try {
    const ctor = Object.getPrototypeOf(value) === null ? 'Object' : (value.constructor?.name ?? 'Object');
    const parts = Object.keys(value)
      .slice(0, 12)
      .map((key) => {
        if (SECRET_FIELD.test(key)) return `${key}: [redacted]`;
        const field = readField(value, key);
        if (typeof field === 'string') return `${key}: "${safe(field, scrub)}"`;
        if (field === null || (typeof field !== 'object' && typeof field !== 'function')) {
          return `${key}: ${String(field)}`;
        }
        return `${key}: ${Array.isArray(field) ? '[…]' : '{…}'}`;
      });
    return clip(`${ctor} {${parts.join(', ')}}`);
  } catch {
    return msg('an object that cannot be inspected');
  }
}
