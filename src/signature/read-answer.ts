/**
 * Reads an endpoint's answer with a byte cap. A signature answer is well under 1 KB; an error page can be
 * megabytes, and reading it whole (then matching patterns over it) is what froze pages.
 */

import { untilAborted } from '../abort.js';

/** The most of an answer the page reads. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export interface AnswerText {
  /** The body (its first `maxBytes` bytes) as UTF-8. */
  text: string;
  /** The body went on past `maxBytes`; the rest was not downloaded. */
  truncated: boolean;
}

/**
 * Streams at most `maxBytes` of the body and cancels the rest. Rejects with an AbortError when `signal` aborts,
 * even if the stream ignores it (a custom fetch's Response).
 */
export async function readAnswerText(
  response: Response,
  signal: AbortSignal,
  maxBytes: number = MAX_ANSWER_BYTES,
): Promise<AnswerText> {
  const { body } = response;
  if (!body) return { text: '', truncated: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      const room = maxBytes - bytes;
      if (value.byteLength > room) {
        text += decoder.decode(value.subarray(0, room), { stream: true });
        truncated = true;
        break;
      }
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
    return { text: text + decoder.decode(), truncated };
  } finally {
    // Stops the download (and frees the connection) when we stopped early or were aborted; a no-op when done.
    reader.cancel().catch(() => undefined);
  }
}
