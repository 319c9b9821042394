/**
 * What Zoom accepts in a Meeting SDK signature, shared by `createSignature` (which throws) and the request schema
 * (which answers 400), so the two can never disagree.
 */

/** Zoom rejects signatures whose `exp − iat` falls outside this range. */
export const MIN_EXPIRATION_SECONDS = 1800;
export const MAX_EXPIRATION_SECONDS = 172800;
export const DEFAULT_EXPIRATION_SECONDS = 7200;

/** `iat` is backdated so a Zoom server whose clock runs slightly behind ours does not see a token from the future. */
export const CLOCK_SKEW_SECONDS = 30;

// Separators only between digit groups: a leading dash reads as a negative number, and copy-pasted invites use
// "123 4567 8901" or "123-4567-8901". [0-9] rather than \p{Nd}: Zoom compares ASCII digits, so '١٢٣' must fail.
const MEETING_NUMBER_TEXT = /^ *[0-9]+(?:[ -]+[0-9]+)* *$/;
// Zoom's API gives meeting IDs as integers (int64), so an ID never starts with 0: "0123456789" is a typo or a
// passcode, and signing it would only move the failure to Zoom's "meeting does not exist".
const MEETING_NUMBER_DIGITS = /^[1-9][0-9]{8,10}$/;

/** The meeting number as the digits Zoom expects in `mn`, or `undefined` when it is not one. */
export function normalizeMeetingNumber(value: string | number): string | undefined {
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return undefined;
    digits = String(value);
  } else {
    if (!MEETING_NUMBER_TEXT.test(value)) return undefined;
    digits = value.replace(/[ -]/g, '');
  }
  return MEETING_NUMBER_DIGITS.test(digits) ? digits : undefined;
}

export type SignatureRole = 0 | 1;

export function isValidExpiration(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= MIN_EXPIRATION_SECONDS && seconds <= MAX_EXPIRATION_SECONDS;
}

export const MEETING_NUMBER_RULE =
  'meetingNumber must be 9 to 11 ASCII digits, not starting with 0: a string (spaces or dashes allowed between digits) or a JSON number written as plain digits';

/** The rule for `expirationSeconds` up to `max` (Zoom's limit, or a lower one the operator chose). */
export function expirationRule(max: number = MAX_EXPIRATION_SECONDS): string {
  const whose = max === MAX_EXPIRATION_SECONDS ? '' : " (this server's limit)";
  return `expirationSeconds must be an integer from ${MIN_EXPIRATION_SECONDS} to ${max}${whose}`;
}
export const EXPIRATION_RULE = expirationRule();
