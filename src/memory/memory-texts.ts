import { msg, str } from '@lit/localize';
import type { MemoryWarningReason, ZoomMemoryWarningDetail } from './memory-events.js';
import { MB } from './memory-settings.js';

/**
 * What the warning banner says: a title, the cause in plain words, and what the user can do about it. Closing
 * other tabs is advised only where it helps: a tab's own heap limit does not move when other tabs close, but the
 * SDK's wasm memory and a starved CPU depend on the whole device.
 */
export interface MemoryWarningText {
  title: string;
  cause: string;
  advice: string;
}

/** The fixed texts, one per reason; `describeMemoryWarning` puts the numbers of a given warning in. */
export const memoryWarningTexts: Readonly<Record<MemoryWarningReason, MemoryWarningText>> = Object.freeze({
  growth: {
    get title() {
      return msg('Memory use keeps growing');
    },
    get cause() {
      return msg('This tab has been using more memory every second.');
    },
    get advice() {
      return msg('Turn off virtual background and video you do not need. If it keeps growing, leave and rejoin the meeting: that frees what has built up.');
    },
  },
  budget: {
    get title() {
      return msg('The meeting uses more memory than this page allows');
    },
    get cause() {
      return msg('The tab has passed the memory budget set for this page.');
    },
    get advice() {
      return msg('Turn off virtual background and stop sharing video you do not need, or leave and rejoin to start fresh.');
    },
  },
  'near-limit': {
    get title() {
      return msg('This tab is about to run out of memory');
    },
    get cause() {
      return msg('The tab is close to the most memory the browser gives it; it may crash.');
    },
    get advice() {
      return msg('Leave and rejoin the meeting to free memory before the tab crashes; turning off virtual background helps meanwhile.');
    },
  },
  freeze: {
    get title() {
      return msg('The page stopped responding');
    },
    get cause() {
      return msg('The page was blocked, so audio, video and the meeting controls froze. The device may be short of memory or CPU.');
    },
    get advice() {
      return msg('Close other tabs and apps and turn off virtual background. If it keeps happening, leave and rejoin.');
    },
  },
  'sdk-out-of-memory': {
    get title() {
      return msg('Zoom ran out of memory');
    },
    get cause() {
      return msg('The meeting’s video engine could not get the memory it needs.');
    },
    get advice() {
      return msg('Close other tabs and browser windows, turn off virtual background, then leave and rejoin the meeting.');
    },
  },
});

function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The texts for one warning, with its figures in the cause. */
export function describeMemoryWarning(warning: ZoomMemoryWarningDetail): MemoryWarningText {
  const base = memoryWarningTexts[warning.reason];
  switch (warning.reason) {
    case 'growth':
      return {
        ...base,
        cause: msg(str`This tab\u2019s memory has been growing by about ${(
          (warning.bytesPerSecond ?? warning.threshold) / MB
        ).toFixed(1)} MB every second (${megabytes(warning.usedBytes)} now).`),
      };
    case 'budget':
      return {
        ...base,
        cause: msg(str`The tab uses ${megabytes(warning.usedBytes)}; this page allows ${megabytes(warning.threshold)}.`),
      };
    case 'near-limit':
      return {
        ...base,
        cause:
          warning.limitBytes === undefined
            ? base.cause
            : msg(str`The tab uses ${megabytes(warning.usedBytes)} of the ${megabytes(warning.limitBytes)} the browser gives it; it may crash.`),
      };
    case 'freeze':
      return {
        ...base,
        title: msg(str`The page stopped responding for ${seconds(warning.blockedMs)}`),
      };
    case 'sdk-out-of-memory':
      return warning.sdkCode === WEBGL_CONTEXT_INVALID
        ? { ...base, cause: msg('The meeting’s video engine lost its graphics memory (WebGL context).') }
        : base;
  }
}

/** The SDK's `WebGlContextInvalid` media error code. */
const WEBGL_CONTEXT_INVALID = 204;
