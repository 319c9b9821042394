/**
 * The rules every user-facing error text follows, shared by the Node and browser tests: the hint is the cause in one
 * sentence, the steps are 1–4 short actions, and nothing a user reads is a note to this project's maintainers.
 */

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|cf)\./gi;

/** A sentence end inside the text: a period, question or exclamation mark (and closing quotes) before more text. */
const SENTENCE_END_BEFORE_MORE = /[.!?]["'”’)\]]*\s+\S/;

/** Why `text` is not one sentence, or undefined when it is. */
export function notOneSentence(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'is empty';
  if (!/[.!?]$/.test(trimmed)) return 'does not end with a period';
  const withoutAbbreviations = trimmed.replace(ABBREVIATIONS, 'abbr');
  const inner = SENTENCE_END_BEFORE_MORE.exec(withoutAbbreviations);
  return inner ? `has more than one sentence (at "${withoutAbbreviations.slice(inner.index, inner.index + 30)}")` : undefined;
}

/** The longest a step may be: short enough to read at a glance, long enough for a claim list or a URL. */
export const MAX_STEP_LENGTH = 200;

/** Why `steps` are not 1–4 short actions, or undefined when they are. */
export function badSteps(steps: readonly string[]): string | undefined {
  if (steps.length < 1 || steps.length > 4) return `has ${steps.length} steps (1–4 wanted)`;
  for (const step of steps) {
    if (step.trim() !== step || step === '') return `step "${step}" is empty or padded`;
    if (!/^[A-Z]/.test(step)) return `step "${step}" does not start with a capital (an imperative verb)`;
    if (!/[.!?]$/.test(step)) return `step "${step}" does not end with a period`;
    if (step.length > MAX_STEP_LENGTH) return `step "${step.slice(0, 40)}…" is ${step.length} characters`;
  }
  return undefined;
}

/**
 * Remarks about where this project's knowledge comes from, or about its own code: they belong in code comments next
 * to the row, never in a title, message, hint or step.
 */
export const MAINTAINER_REMARKS: readonly RegExp[] = [
  /this library/i,
  /\bour (?:table|code|check|mapping)/i,
  /\bthe table\b/i,
  /SDK's own (?:strings|typings|English)/i,
  /\bobserved\b/i,
  /\bbundles?\b/i,
  /\btypings\b/i,
  /\bi18n\b/i,
  /\bsdkKeys\b|\bsdkText\b/,
  /en-US\.json|embedded\.d\.ts|\.umd\.min/,
  /public error page/i,
  /\bswaps?\b/i,
  /\bunmapped\b/i,
  /\bminifi/i,
  /\b(?:TODO|FIXME|XXX)\b/,
  // Internal function and table names.
  /\b(?:normalizeSdkError|describeZoomError|matchSdkMessage|sdkMessageRules|zoomErrorTable|unknownZoomError|componentViewErrors|checkSignature|explainSignatureRejection|readJoinConfig|checkAssetPath(?:Once)?|acquireMeetingLock|claimPageMeeting|runJoinFlow|loadJoinMachinery)\b/,
];

/** The first maintainer remark in `text`, or undefined. */
export function maintainerRemark(text: string): string | undefined {
  for (const pattern of MAINTAINER_REMARKS) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return undefined;
}

/** Codes merged into others; none may appear in src/ any more. */
export const MERGED_CODES: Readonly<Record<string, string>> = Object.freeze({
  'unknown-sdk-error': 'sdk-unknown',
  aborted: 'join-cancelled',
  'another-meeting-active': 'another-meeting-in-progress',
  'meeting-open-elsewhere': 'another-meeting-in-progress',
});

export interface ErrorTexts {
  readonly title?: string;
  readonly message?: string;
  readonly hint: string;
  readonly steps: readonly string[];
}

/** Every rule at once, for one error or row; an empty list when it follows them all. */
export function errorTextProblems(texts: ErrorTexts): string[] {
  const problems: string[] = [];
  const sentence = notOneSentence(texts.hint);
  if (sentence) problems.push(`hint ${sentence}: "${texts.hint}"`);
  const steps = badSteps(texts.steps);
  if (steps) problems.push(steps);
  for (const text of [texts.title ?? '', texts.message ?? '', texts.hint, ...texts.steps]) {
    const remark = maintainerRemark(text);
    if (remark) problems.push(`"${remark}" is a note for maintainers, in: "${text}"`);
  }
  return problems;
}
