// A provider or an SDK adapter that fails with a huge text must not freeze the page while the element turns it
// into a ZoomJoinError: real Chromium's long-task timing, a fake adapter at the SDK boundary.
import { expect } from '@open-wc/testing';
import { ZoomJoin } from '../../src/zoom-join.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '12345678901';
/** What the page may spend in one task: the Long Tasks API's own threshold. */
const LONG_TASK_MS = 50;
/** Long tasks are wall-clock time on a shared machine: the best of a few tries is the page's own cost. */
const TRIES = 3;

/**
 * A flat string of `bytes` characters (the test's own string is not what is measured): `prefix`, then one run of
 * token characters without a dot, the worst case for a JWT pattern.
 */
function hugeText(bytes: number, prefix: string): string {
  const encoder = new TextEncoder();
  const filler = encoder.encode('eyJhbGciOiJIUzI1NiJ9');
  const buffer = new Uint8Array(bytes);
  const start = encoder.encode(prefix);
  buffer.set(start);
  for (let at = start.length; at < bytes; at += filler.length) {
    buffer.set(filler.subarray(0, Math.min(filler.length, bytes - at)), at);
  }
  return new TextDecoder().decode(buffer);
}

/**
 * Makes the next adapters' join fail with `raw` a task later, as the SDK does after its network round trip. (A
 * promise rejected before anyone listens makes Chromium copy the error's whole message for its unhandled-rejection
 * report: ~100 ms for 20 MB, in the adapter, before the element sees anything.)
 */
function failJoinLater(sdk: ReturnType<typeof useFakeSdk>, raw: unknown): void {
  const make = sdk.adapters().factory;
  ZoomJoin.adapterFactory = (view) => {
    const adapter = make(view);
    adapter.join = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      throw raw;
    };
    return adapter;
  };
}

/**
 * The longest task (0 when none passed 50 ms) of each of up to TRIES runs of `work` (on what `prepare` made, which
 * is not measured), stopping at the first run without one; and each run's result.
 */
async function leastLongest<P, T>(prepare: () => Promise<P>, work: (prepared: P) => Promise<T>): Promise<{ values: T[]; figures: number[] }> {
  expect(PerformanceObserver.supportedEntryTypes, 'Chromium measures long tasks').to.include('longtask');
  const values: T[] = [];
  const figures: number[] = [];
  while (values.length < TRIES) {
    const prepared = await prepare();
    const entries: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    values.push(await work(prepared));
    // Long tasks are reported after they end; one more task lets the last one land in the buffer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    entries.push(...observer.takeRecords());
    observer.disconnect();
    figures.push(Math.round(Math.max(0, ...entries.map((entry) => entry.duration))));
    if (figures.at(-1)! < LONG_TASK_MS) break;
  }
  return { values, figures };
}

describe('<zoom-join>: a huge thrown text costs no long task', () => {
  const sdk = useFakeSdk();

  for (const megabytes of [1, 20]) {
    const text = hugeText(megabytes << 20, 'upstream failed: ');

    it(`a provider that throws ${megabytes} MB: signature-provider-failed, short, no task over ${LONG_TASK_MS} ms`, async () => {
      const prepare = async () => {
        const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
        element.signatureProvider = () => {
          throw new Error(text);
        };
        return element;
      };
      await joinFailure(await prepare()); // the join code and the error panel's first layout are not measured
      const { values, figures } = await leastLongest(prepare, joinFailure);
      console.log(`long-task provider ${megabytes} MB: longest per try ${figures.join(', ')} ms`);
      for (const error of values) {
        expect(error?.code).to.equal('signature-provider-failed');
        expect(error?.message).to.contain('upstream failed:');
        expect(error?.message.length).to.be.below(400);
      }
      expect(Math.min(...figures)).to.be.below(LONG_TASK_MS);
    });

    for (const [shape, raw] of [
      ['an Error', new Error(text)],
      ['a Component View rejection', { type: 'JOIN_MEETING_FAILED', reason: text, errorCode: 98765 }],
    ] as const) {
      it(`an adapter that fails with ${shape} of ${megabytes} MB: a short message, no task over ${LONG_TASK_MS} ms`, async () => {
        const prepare = async () => {
          const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
          element.signature = testSignature({ meetingNumber: MEETING });
          failJoinLater(sdk, raw);
          return element;
        };
        await joinFailure(await prepare());
        const { values, figures } = await leastLongest(prepare, joinFailure);
        console.log(`long-task adapter ${shape} ${megabytes} MB: longest per try ${figures.join(', ')} ms`);
        for (const error of values) {
          expect(error?.code).to.equal('sdk-unknown');
          expect(error?.message).to.contain('upstream failed:');
          expect(error?.message.length).to.be.below(600);
        }
        expect(Math.min(...figures)).to.be.below(LONG_TASK_MS);
      });
    }
  }
});
