/** A parsed JSON object body, with the source text of its top-level number members. */
export type JsonBodyResult =
  | { ok: true; value: Record<string, unknown>; numberSources: ReadonlyMap<string, string> }
  | { ok: false; reason: 'invalid-json' | 'not-an-object' };

// fatal: bytes that are not UTF-8 are a malformed request, not text to patch with U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function parseJsonObject(bytes: Uint8Array): JsonBodyResult {
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(bytes);
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not-an-object' };
  return { ok: true, value: value as Record<string, unknown>, numberSources: topLevelNumberSources(text) };
}

/**
 * Once parsed, `1e10`, `10000000000.0` and `10000000000` are the same number; only the source tells a meeting
 * number that went through floating point (and may have lost digits) from one written as digits. Walks the top
 * level of text already accepted by `JSON.parse`, so it only has to skip strings and nested values, never
 * report syntax errors. A repeated key keeps its last value, as `JSON.parse` does.
 */
export function topLevelNumberSources(text: string): Map<string, string> {
  const sources = new Map<string, string>();
  let i = skipWhitespace(text, 0);
  if (text[i] !== '{') return sources;
  i = skipWhitespace(text, i + 1);
  while (text[i] === '"') {
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    const valueEnd = endOfValue(text, valueStart);
    const source = text.slice(valueStart, valueEnd);
    if (/^[-0-9]/.test(source)) sources.set(key, source);
    else sources.delete(key);
    i = skipWhitespace(text, valueEnd);
    if (text[i] !== ',') break;
    i = skipWhitespace(text, i + 1);
  }
  return sources;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** `start` is the opening quote; returns the index just past the closing one. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return endOfString(text, start);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const char = text[i];
      if (char === '"') {
        i = endOfString(text, i);
        continue;
      }
      if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') depth--;
      i++;
      if (depth === 0) return i;
    }
    return i;
  }
  let i = start;
  while (i < text.length && !/[\s,}\]]/.test(text.charAt(i))) i++;
  return i;
}
