/** The request body, read no further than `maxBytes`. */
export type BodyReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unreadable' };

/**
 * Counts bytes as they arrive instead of trusting Content-Length: a chunked upload declares no length, and a
 * client may simply lie. The rest of an oversized body is left unread rather than cancelled — cancelling can tear
 * down the socket under a Node server before the 413 is written, and every host drains or drops what is left.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, reason: 'too-large' };
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return { ok: false, reason: 'too-large' };
      chunks.push(value);
    }
  } catch {
    // The client went away mid-upload: its request is malformed, not our failure, and nobody reads the answer.
    return { ok: false, reason: 'unreadable' };
  } finally {
    reader.releaseLock();
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
