import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProgressTracker, type AssetProgress } from '../../../src/assets/progress-tracker.js';

function record(files: Array<{ path: string; size: number }>, minStep = 0): { tracker: ProgressTracker; seen: AssetProgress[] } {
  const seen: AssetProgress[] = [];
  return { tracker: new ProgressTracker(files, (progress) => seen.push(progress), minStep), seen };
}

const fractions = (seen: AssetProgress[]): number[] => seen.map((progress) => progress.fraction);

describe('ProgressTracker', () => {
  test('weights files by size, reports bytes and the file, ends at exactly 1 once', () => {
    const { tracker, seen } = record([
      { path: 'a.js', size: 100 },
      { path: 'b.wasm', size: 300 },
    ]);
    tracker.update('b.wasm', 150);
    tracker.complete('a.js');
    tracker.complete('b.wasm');
    tracker.finish();
    tracker.finish();
    assert.deepEqual(fractions(seen).slice(0, 2), [150 / 400, 250 / 400]);
    assert.ok((seen[2]?.fraction ?? 1) < 1, 'completing every file is not the end: finish() is');
    assert.deepEqual(seen.at(-1), { phase: 'assets', loaded: 400, total: 400, fraction: 1 });
    assert.equal(seen.filter((progress) => progress.fraction === 1).length, 1);
    assert.equal(seen[0]?.file, 'b.wasm');
    assert.equal(seen[0]?.loaded, 150);
    assert.equal(seen[0]?.phase, 'assets');
  });

  test('only moves forward: smaller or repeated byte counts are ignored', () => {
    const { tracker, seen } = record([{ path: 'a', size: 100 }]);
    tracker.update('a', 60);
    tracker.update('a', 30);
    tracker.update('a', 60);
    assert.deepEqual(fractions(seen), [0.6]);
  });

  test('clamps: a response larger than the manifest says, or negative numbers, stay within [0, 1]', () => {
    const { tracker, seen } = record([
      { path: 'a', size: 100 },
      { path: 'b', size: 100 },
    ]);
    tracker.update('a', -5);
    tracker.update('a', 10_000);
    assert.deepEqual(fractions(seen), [0.5]);
    tracker.finish();
    assert.ok(fractions(seen).every((fraction) => fraction >= 0 && fraction <= 1));
  });

  test('ignores unknown files and everything after finish()', () => {
    const { tracker, seen } = record([{ path: 'a', size: 10 }]);
    tracker.update('nope', 5);
    tracker.finish();
    tracker.update('a', 5);
    tracker.complete('a');
    assert.deepEqual(fractions(seen), [1]);
    assert.equal(tracker.done, true);
    assert.equal(tracker.value, 1);
  });

  test('files of unknown size (0) count as an average file, so the bar still moves', () => {
    const { tracker, seen } = record([
      { path: 'known', size: 100 },
      { path: 'unknown', size: 0 },
    ]);
    tracker.complete('unknown');
    assert.deepEqual(fractions(seen), [0.5]);
  });

  test('no files at all: finish() still reports 1', () => {
    const { tracker, seen } = record([]);
    tracker.finish();
    assert.deepEqual(fractions(seen), [1]);
  });

  test('throttles byte updates to minStep but always reports completions', () => {
    const { tracker, seen } = record([{ path: 'big', size: 1000 }, { path: 'small', size: 1000 }], 0.1);
    for (let bytes = 10; bytes <= 1000; bytes += 10) tracker.update('big', bytes);
    const afterBig = seen.length;
    assert.ok(afterBig <= 6, `${afterBig} reports for 100 updates`);
    tracker.complete('small');
    assert.equal(seen.length, afterBig + 1);
  });

  test('a finally after a failure still ends at 1', async () => {
    const { tracker, seen } = record([{ path: 'a', size: 10 }]);
    await assert.rejects(async () => {
      try {
        tracker.update('a', 3);
        throw new Error('network down');
      } finally {
        tracker.finish();
      }
    });
    assert.deepEqual(fractions(seen), [0.3, 1]);
  });
});
