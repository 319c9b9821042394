import type { ErrorCategory, ZoomJoinErrorCode } from '../zoom-join-error.js';

/** Where in the SDK's life a failure happened; decides how ambiguous values (a TypeError, a SyntaxError) are read. */
export type SdkStage = 'load' | 'init' | 'join' | 'leave';

/** One row of the join-error table: what the SDK means by a number, and what to do about it. */
export interface ZoomErrorEntry {
  /** Stable kebab-case name that pages switch on; never changes once published. */
  readonly code: ZoomJoinErrorCode;
  readonly category: ErrorCategory;
  /** What the SDK means, in plain words (the SDK's own English is often ungrammatical or ambiguous). */
  readonly title: string;
  /** The cause in one sentence (what is wrong and why), addressed to the developer or attendee who must act. */
  readonly hint: string;
  /** What to do about it: 1–4 short imperative steps, one action each, in order. */
  readonly steps: readonly string[];
  /** True when trying the same join again, unchanged (possibly after a wait), may succeed. */
  readonly retryable: boolean;
  /**
   * The SDK's i18n keys that produce this code (the code maps in the bundles, `ZoomMtg.errorCodesReason`, the
   * Component View's key table). Kept so the table can be checked against the installed SDK; the first is the main one.
   */
  readonly sdkKeys?: readonly string[];
  /** The SDK's own English for `sdkKeys[0]` (lib/lang/en-US.json, else the bundle's built-in en-US strings). */
  readonly sdkText?: string;
  /**
   * Zoom's own wording of this refusal in its join web service's answer (sent with errorCode 200), which both views
   * map to this number; it differs from `sdkText`.
   */
  readonly serverText?: string;
}

/** What `describeZoomError` returns: a table row plus the number it was asked about. */
export interface ZoomErrorDescription {
  code: ZoomJoinErrorCode;
  category: ErrorCategory;
  title: string;
  hint: string;
  steps: string[];
  retryable: boolean;
  sdkCode: number;
  sdkText?: string;
}

/** A join-error table: SDK number → row. Records keyed by number, as the house style asks for table data. */
export type ZoomErrorTable = Readonly<Record<number, ZoomErrorEntry>>;
