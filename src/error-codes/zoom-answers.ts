import { zoomErrorTable } from './describe-zoom-error.js';
import type { SdkView } from '../zoom-join-error.js';

/**
 * What Zoom's join web service (`zoom.us/api/v1/wc/info`) answered, as far as it can tell us why a join failed.
 * Only these fields are kept: the rest of an answer carries meeting data and tokens.
 */
export interface ZoomAnswer {
  /** The HTTP status of the answer (0 when the request never got one). */
  httpStatus: number;
  status?: boolean;
  errorCode?: number;
  /** Zoom's text, clipped; never a secret (Zoom does not echo the request). */
  errorMessage?: string;
  /** `result.rsRes.errorCode`: the second status some flows (waiting for the host, registration) answer with. */
  rsResErrorCode?: number;
}

/** The catch-alls each view reports when it does not map Zoom's number: only the text then says what happened. */
const COLLAPSED: Readonly<Record<SdkView, readonly number[]>> = {
  // 200 is the Component View's CommonError for every answer it does not special-case.
  component: [200],
  // 1 is the Client View's FAIL; 3610 also stands for an expired tk ("Token has expired.").
  client: [1, 3610],
};

export function isCollapsedSdkCode(sdkCode: number | undefined, view: SdkView): boolean {
  return sdkCode === undefined || COLLAPSED[view].includes(sdkCode);
}

/** Case, spacing and final punctuation vary between the SDK's strings and Zoom's; the words do not. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

let textIndex: Map<string, number> | undefined;

/**
 * Zoom's wording → Zoom's number: each row's `serverText` (how Zoom words a refusal) and `sdkText` (the SDK's en-US
 * string for it, which is what the views pass on). The catch-alls' own texts are left out: they name no cause.
 */
function zoomTextIndex(): Map<string, number> {
  if (textIndex) return textIndex;
  textIndex = new Map();
  const codes = Object.keys(zoomErrorTable)
    .map(Number)
    .sort((a, b) => a - b);
  for (const code of codes) {
    if (COLLAPSED.component.includes(code) || COLLAPSED.client.includes(code)) continue;
    const entry = zoomErrorTable[code];
    for (const text of [entry?.serverText, entry?.sdkText]) {
      if (text === undefined) continue;
      const key = squash(text);
      // The lowest number wins a shared text (3001 before 3610 for "Meeting does not exist.").
      if (key !== '' && !textIndex.has(key)) textIndex.set(key, code);
    }
  }
  return textIndex;
}

/** Longer than any of Zoom's texts with room to spare: a longer one is not Zoom's, and is not scanned. */
const MAX_ZOOM_TEXT = 1000;

/** Zoom's number for a text the SDK passed on (its reason, errorMessage or result), if the text is Zoom's. */
export function zoomCodeOfText(text: string | undefined): number | undefined {
  if (text === undefined || text.length > MAX_ZOOM_TEXT) return undefined;
  return zoomTextIndex().get(squash(text));
}

/**
 * Zoom's number for a refusal, read the way the SDK reads it: 200 carries the signature check's text (→ 3704–3713),
 * 3000 a text of the 3000 family (→ 3000, 3005, 3611, 10000, …), `rsRes` a second code, 3139/3129 mean waiting for
 * the host (→ 3008), an HTTP error or no answer is the SDK's connection error (-3000). Undefined for a success.
 */
export function zoomCodeOfAnswer(answer: ZoomAnswer): number | undefined {
  if (answer.httpStatus === 0 || answer.httpStatus >= 400) return -3000;
  if (answer.rsResErrorCode !== undefined && answer.rsResErrorCode !== 0) return waitingAsNotStarted(answer.rsResErrorCode);
  if (answer.status === true) return undefined;
  const code = answer.errorCode;
  if (code === undefined) return undefined;
  if (code === 200 || code === 3000) return zoomCodeOfText(answer.errorMessage) ?? (code === 3000 ? 3000 : undefined);
  return waitingAsNotStarted(code);
}

function waitingAsNotStarted(code: number): number {
  return code === 3139 || code === 3129 ? 3008 : code;
}

/** Zoom numbers for which the Client View shows its own form and waits for the user instead of failing. */
export const clientViewPrompts: Readonly<Record<number, 'passcode-prompt' | 'registration-prompt'>> = {
  3004: 'passcode-prompt',
  3099: 'registration-prompt',
};
