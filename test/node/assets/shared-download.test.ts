import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { completedDownloads, forgetDownloads, sharedDownload, type DownloadStarter } from '../../../src/assets/shared-download.js';

interface Pending {
  url: string;
  onBytes: (bytes: number) => void;
  signal: AbortSignal;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** A starter whose downloads the test finishes by hand. */
function manualStarter(): { starter: DownloadStarter; started: Pending[] } {
  const started: Pending[] = [];
  const starter: DownloadStarter = (url, onBytes, signal) =>
    new Promise<number>((resolve, reject) => {
      started.push({ url, onBytes, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { starter, started };
}

beforeEach(() => forgetDownloads());

describe('sharedDownload', () => {
  test('concurrent callers share one download and all hear its bytes', async () => {
    const { starter, started } = manualStarter();
    const heardA: number[] = [];
    const heardB: number[] = [];
    const a = sharedDownload('u', starter, { onBytes: (bytes) => heardA.push(bytes) });
    started[0]?.onBytes(10);
    const b = sharedDownload('u', starter, { onBytes: (bytes) => heardB.push(bytes) });
    started[0]?.onBytes(20);
    started[0]?.resolve(20);
    assert.deepEqual(await Promise.all([a, b]), [20, 20]);
    assert.equal(started.length, 1);
    assert.deepEqual(heardA, [10, 20]);
    assert.deepEqual(heardB, [10, 20], 'a late joiner hears the bytes so far at once');
  });

  test('a finished download is never repeated', async () => {
    const { starter, started } = manualStarter();
    const first = sharedDownload('u', starter);
    started[0]?.resolve(5);
    await first;
    assert.equal(await sharedDownload('u', starter), 5);
    assert.equal(started.length, 1);
    assert.deepEqual(completedDownloads(), ['u']);
  });

  test('a failed download is forgotten so the next call retries', async () => {
    const { starter, started } = manualStarter();
    const first = sharedDownload('u', starter);
    started[0]?.reject(new Error('HTTP 500'));
    await assert.rejects(first, /HTTP 500/);
    const second = sharedDownload('u', starter);
    started[1]?.resolve(1);
    assert.equal(await second, 1);
    assert.equal(started.length, 2);
  });

  test('one waiter aborting leaves the download running for the others', async () => {
    const { starter, started } = manualStarter();
    const controller = new AbortController();
    const leaving = sharedDownload('u', starter, { signal: controller.signal });
    const staying = sharedDownload('u', starter);
    controller.abort(new DOMException('bye', 'AbortError'));
    await assert.rejects(leaving, { name: 'AbortError' });
    assert.equal(started[0]?.signal.aborted, false);
    started[0]?.resolve(3);
    assert.equal(await staying, 3);
  });

  test('the last waiter aborting cancels the request and forgets it', async () => {
    const { starter, started } = manualStarter();
    const controller = new AbortController();
    const only = sharedDownload('u', starter, { signal: controller.signal });
    controller.abort(new DOMException('bye', 'AbortError'));
    await assert.rejects(only, { name: 'AbortError' });
    assert.equal(started[0]?.signal.aborted, true);
    const again = sharedDownload('u', starter);
    assert.equal(started.length, 2, 'a new request');
    started[1]?.resolve(1);
    await again;
  });

  test('an already aborted signal starts nothing', async () => {
    const { starter, started } = manualStarter();
    const controller = new AbortController();
    controller.abort(new DOMException('bye', 'AbortError'));
    await assert.rejects(sharedDownload('u', starter, { signal: controller.signal }), { name: 'AbortError' });
    assert.equal(started.length, 0);
  });
});
