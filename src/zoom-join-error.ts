/**
 * The one error type every failure becomes, whatever its source: attribute validation, the signature endpoint,
 * the in-page signature check, asset checks, either SDK view, or the memory policy.
 */

import { renderedLocale } from './l10n/locale.js';
import type { ZoomJoinErrorCode } from './error-codes/error-code-list.js';

export type { ZoomJoinErrorCode } from './error-codes/error-code-list.js';

export const ErrorCategory = {
  config: 'config',
  signature: 'signature',
  assets: 'assets',
  network: 'network',
  meeting: 'meeting',
  permission: 'permission',
  browser: 'browser',
  memory: 'memory',
  sdk: 'sdk',
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

export type SdkView = 'component' | 'client';

/** One finding of `inspectSignature`; carried on signature errors so the page can show every problem. */
export interface SignatureProblem {
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong with this signature, with its values. */
  message: string;
  /** Why Zoom refuses it (or may misbehave), in one sentence. */
  hint: string;
  /** What to do about it: short imperative steps, in order. */
  steps: string[];
}

/**
 * What every error text is made of: the cause in one sentence, addressed to the person who must act, and short
 * numbered steps (one action each). Kept apart so the panel can show the cause as a paragraph and the steps as a
 * list, and so pages can show either.
 */
export interface ErrorAdvice {
  readonly hint: string;
  readonly steps: readonly string[];
}

export interface ZoomJoinErrorInit {
  code: ZoomJoinErrorCode;
  category: ErrorCategory;
  message: string;
  /** The cause in one sentence: what is wrong and why. */
  hint: string;
  /** What to do, in order: short imperative steps. Defaults to none. */
  steps?: readonly string[];
  retryable?: boolean;
  /** A short human title for the error panel; defaults to the message. */
  title?: string;
  sdkCode?: number;
  sdkType?: string;
  view?: SdkView;
  cause?: unknown;
  problems?: SignatureProblem[];
  /** Where the visitor signs in with Zoom (`sign-in-required`): an http(s) URL from the signature endpoint. */
  signInUrl?: string;
}

export class ZoomJoinError extends Error {
  override readonly name = 'ZoomJoinError';
  /** Stable: what a page switches on (every value is listed in docs/errors.md). */
  readonly code: ZoomJoinErrorCode;
  readonly category: ErrorCategory;
  readonly title: string;
  /** The cause in one sentence: what is wrong and why, addressed to the person who must act. */
  readonly hint: string;
  /** What to do about it: short imperative steps, in order (possibly none). */
  readonly steps: string[];
  readonly retryable: boolean;
  readonly sdkCode?: number;
  readonly sdkType?: string;
  readonly view?: SdkView;
  readonly problems?: SignatureProblem[];
  /** Where the visitor signs in with Zoom, on `sign-in-required`. */
  readonly signInUrl?: string;
  /** The locale its texts were made in (the page's locale at the time), for the `lang` of the panel that shows them. */
  readonly lang: string = renderedLocale();

  constructor(init: ZoomJoinErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.category = init.category;
    this.title = init.title ?? init.message;
    this.hint = init.hint;
    // A copy: table rows share their (frozen, readonly) step lists between every error made from them.
    this.steps = [...(init.steps ?? [])];
    this.retryable = init.retryable ?? false;
    if (init.sdkCode !== undefined) this.sdkCode = init.sdkCode;
    if (init.sdkType !== undefined) this.sdkType = init.sdkType;
    if (init.view !== undefined) this.view = init.view;
    if (init.problems !== undefined) this.problems = init.problems;
    if (init.signInUrl !== undefined) this.signInUrl = init.signInUrl;
  }

  /** A plain object for logs and event inspectors (Error fields are not enumerable). Never holds secrets. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      category: this.category,
      title: this.title,
      message: this.message,
      hint: this.hint,
      steps: this.steps,
      retryable: this.retryable,
      sdkCode: this.sdkCode,
      sdkType: this.sdkType,
      view: this.view,
      problems: this.problems,
      signInUrl: this.signInUrl,
    };
  }
}

export function isZoomJoinError(value: unknown): value is ZoomJoinError {
  return value instanceof ZoomJoinError;
}
