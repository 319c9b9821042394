/**
 * One download per URL per page, shared by every element that asks for it. A download lives while at least one
 * caller still waits for it: when the last waiter aborts before it finished, the request is cancelled and forgotten
 * (a later preload starts afresh). A finished download is remembered and never repeated; a failed one is forgotten
 * so a retry can succeed.
 */

/** Starts the actual request; reports bytes as they arrive; resolves with the bytes read when the body is complete. */
export type DownloadStarter = (url: string, onBytes: (bytes: number) => void, signal: AbortSignal) => Promise<number>;

interface Entry {
  promise: Promise<number>;
  bytes: number;
  listeners: Set<(bytes: number) => void>;
  waiters: number;
  controller: AbortController;
  settled: boolean;
}

const downloads = new Map<string, Entry>();

function start(url: string, starter: DownloadStarter): Entry {
  const entry: Entry = {
    promise: Promise.resolve(0),
    bytes: 0,
    listeners: new Set(),
    waiters: 0,
    controller: new AbortController(),
    settled: false,
  };
  const onBytes = (bytes: number): void => {
    entry.bytes = bytes;
    for (const listener of [...entry.listeners]) listener(bytes);
  };
  entry.promise = starter(url, onBytes, entry.controller.signal).then(
    (bytes) => {
      entry.settled = true;
      entry.bytes = bytes;
      return bytes;
    },
    (error: unknown) => {
      entry.settled = true;
      if (downloads.get(url) === entry) downloads.delete(url);
      throw error;
    },
  );
  // Waiters handle the rejection; this keeps an abandoned failure from being reported as unhandled.
  entry.promise.catch(() => undefined);
  downloads.set(url, entry);
  return entry;
}

/**
 * Waits for `url`, starting it with `starter` unless a download of it is already running or done. `onBytes` hears
 * the bytes read so far (at once, then as they arrive). Rejects with the signal's reason when `signal` aborts.
 */
export function sharedDownload(
  url: string,
  starter: DownloadStarter,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<number> {
  const { signal, onBytes } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const entry = downloads.get(url) ?? start(url, starter);
  if (entry.settled) return entry.promise;
  entry.waiters++;
  if (onBytes) {
    entry.listeners.add(onBytes);
    if (entry.bytes > 0) onBytes(entry.bytes);
  }
  return new Promise<number>((resolve, reject) => {
    const leave = (): void => {
      entry.waiters--;
      if (onBytes) entry.listeners.delete(onBytes);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      leave();
      if (entry.waiters === 0 && !entry.settled) {
        downloads.delete(url);
        entry.controller.abort(signal?.reason);
      }
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (bytes) => {
        leave();
        resolve(bytes);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
}

/** URLs downloaded completely on this page (for diagnostics and tests). */
export function completedDownloads(): string[] {
  return [...downloads.entries()].filter(([, entry]) => entry.settled).map(([url]) => url);
}

/** @internal Tests only: forget every download (the HTTP cache keeps the files). */
export function forgetDownloads(): void {
  downloads.clear();
}
