import { expect, waitUntil } from '@open-wc/testing';
import {
  acquireMeetingLock,
  meetingLockMechanism,
  meetingLockName,
  meetingOpenInAnotherTabError,
  type MeetingLock,
  type MeetingLockMechanism,
} from '../../src/meeting/browser-lock.js';

type LockModule = typeof import('../../src/meeting/browser-lock.js');

/** Another document of this origin with its own copy of the lock module: a frame or a second page (tab). */
interface OtherDocument {
  lock: LockModule;
  close(): void;
}

const moduleUrl = new URL('/src/meeting/browser-lock.ts', location.href).href;
const loader = `<!doctype html><script type="module">
  import * as lock from ${JSON.stringify(moduleUrl)};
  window.lockModule = lock;
</script>`;

async function loaded(win: Window): Promise<LockModule> {
  const holder = win as Window & { lockModule?: LockModule };
  await waitUntil(() => holder.lockModule, 'lock module loaded in the other document', { timeout: 10_000 });
  return holder.lockModule!;
}

async function openFrame(): Promise<OtherDocument> {
  const frame = document.createElement('iframe');
  frame.srcdoc = loader; // srcdoc documents share this page's origin, hence its lock manager and channels
  document.body.append(frame);
  const lock = await loaded(frame.contentWindow!);
  return { lock, close: () => frame.remove() };
}

async function openPage(): Promise<OtherDocument> {
  const page = window.open('', '_blank');
  if (!page) throw new Error('window.open was blocked');
  page.document.write(loader);
  page.document.close();
  const lock = await loaded(page);
  return { lock, close: () => page.close() };
}

/** Tries until the lock is granted (a closed document's lock goes away asynchronously). */
async function eventually(acquire: () => Promise<MeetingLock | null>): Promise<MeetingLock> {
  let lock: MeetingLock | null = null;
  await waitUntil(async () => (lock = await acquire()), 'lock granted', { timeout: 5_000, interval: 100 });
  return lock!;
}

const others: OtherDocument[] = [];
afterEach(() => {
  for (const other of others.splice(0)) other.close();
});

describe('acquireMeetingLock', () => {
  it('uses Web Locks where the browser has them', () => {
    expect(meetingLockMechanism()).to.equal('web-locks');
    expect(meetingLockName('123 4567-8901')).to.equal('zoom-join:meeting:12345678901');
  });

  it('holds a Web Lock (visible in navigator.locks.query) until release, and none afterwards', async () => {
    const lock = await acquireMeetingLock('555000111');
    const held = await navigator.locks.query();
    expect(held.held!.map((entry) => entry.name)).to.include('zoom-join:meeting:555000111');
    lock!.release();
    await waitUntil(async () => (await navigator.locks.query()).held!.length === 0, 'no lock left');
  });

  for (const mechanism of ['web-locks', 'broadcast-channel'] as const satisfies readonly MeetingLockMechanism[]) {
    describe(`with ${mechanism}`, () => {
      const acquire = (meetingNumber: string, options: { signal?: AbortSignal } = {}) =>
        acquireMeetingLock(meetingNumber, { ...options, mechanism });

      it('gives the second acquisition in one page null, and the lock again after release', async () => {
        const first = await acquire('1234567890');
        expect(first).to.not.equal(null);
        expect(await acquire('1234567890')).to.equal(null);
        expect(await acquire('123 456 7890'), 'the same meeting, written differently').to.equal(null);
        const other = await acquire('999888777');
        expect(other, 'another meeting is independent').to.not.equal(null);
        first!.release();
        first!.release(); // harmless
        const again = await acquire('1234567890');
        expect(again).to.not.equal(null);
        again!.release();
        other!.release();
      });

      it('lets exactly one of several simultaneous acquisitions win', async () => {
        const results = await Promise.all([acquire('42'), acquire('42'), acquire('42')]);
        const winners = results.filter((lock) => lock !== null);
        expect(winners).to.have.length(1);
        winners[0]!.release();
      });

      it('is shared with a frame of the same origin, and freed when that frame goes away', async () => {
        const frame = await openFrame();
        others.push(frame);
        const framed = await frame.lock.acquireMeetingLock('7777', { mechanism });
        expect(framed).to.not.equal(null);
        expect(await acquire('7777'), 'held by the frame').to.equal(null);
        expect(await frame.lock.acquireMeetingLock('7777', { mechanism })).to.equal(null);
        frame.close(); // unloads the frame's document without calling release()
        const mine = await eventually(() => acquire('7777'));
        mine.release();
      });

      it('is shared with a second page (tab) of this browser, both ways, and freed when that page closes', async () => {
        const page = await openPage();
        others.push(page);
        const mine = await acquire('31415');
        expect(mine).to.not.equal(null);
        expect(await page.lock.acquireMeetingLock('31415', { mechanism }), 'the other page is refused').to.equal(null);
        mine!.release();
        const theirs = await eventually(() => page.lock.acquireMeetingLock('31415', { mechanism }));
        expect(await acquire('31415'), 'now this page is refused').to.equal(null);
        void theirs; // never released: closing the page must free it
        page.close();
        const back = await eventually(() => acquire('31415'));
        back.release();
      });

      it('rejects when the signal is already aborted, and releases when it is aborted later', async () => {
        const aborted = new AbortController();
        aborted.abort(new DOMException('gone', 'AbortError'));
        let error: unknown;
        await acquire('2718', { signal: aborted.signal }).catch((caught: unknown) => (error = caught));
        expect((error as DOMException).name).to.equal('AbortError');
        expect(await acquire('2718').then((lock) => (lock?.release(), lock !== null)), 'nothing kept').to.equal(true);

        const join = new AbortController();
        const lock = await acquire('2718', { signal: join.signal });
        expect(lock).to.not.equal(null);
        expect(await acquire('2718')).to.equal(null);
        join.abort();
        const again = await eventually(() => acquire('2718'));
        again.release();
      });
    });
  }

  it('a broadcast-channel holder frees its meeting on pagehide (back/forward cache, navigation)', async () => {
    const lock = await acquireMeetingLock('8080', { mechanism: 'broadcast-channel' });
    expect(lock).to.not.equal(null);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    const again = await acquireMeetingLock('8080', { mechanism: 'broadcast-channel' });
    expect(again).to.not.equal(null);
    again!.release();
    lock!.release();
  });
});

describe('meetingOpenInAnotherTabError', () => {
  it('is a retryable meeting error with the code every "already in a meeting" failure shares', () => {
    const error = meetingOpenInAnotherTabError();
    expect(error.name).to.equal('ZoomJoinError');
    expect(error.code).to.equal('another-meeting-in-progress');
    expect(error.message).to.contain('another tab');
    expect(error.steps).to.have.length.within(1, 4);
    expect(error.category).to.equal('meeting');
    expect(error.retryable).to.equal(true);
  });
});
