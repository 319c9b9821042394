// Error texts people can act on: every hint is the cause in one sentence, every table row and every error the
// element makes has 1–4 short steps, nothing a user reads is a note for this project's maintainers, and the codes
// merged into others are gone from src/.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { errorSamples, signatureProblemSamples, tableSamples } from '../../scripts/error-code-docs.js';
import { ErrorCategory, ZoomJoinError } from '../../src/zoom-join-error.js';
import { explainSignatureRejection } from '../../src/signature/explain-rejection.js';
import { normalizeSdkError } from '../../src/sdk/normalize-error.js';
import {
  badSteps,
  errorTextProblems,
  maintainerRemark,
  MERGED_CODES,
  notOneSentence,
} from '../support/error-texts.js';

describe('the rules themselves', () => {
  test('one sentence: a second sentence, or no final period, fails; abbreviations and file names pass', () => {
    assert.equal(notOneSentence('The SDK could not load js_media.min.js from the asset path.'), undefined);
    assert.equal(notOneSentence('Use a value, e.g. 0 or 1, as a number.'), undefined);
    assert.equal(notOneSentence('Sign with exp − iat of 1800–172800 s (30 min to 48 h).'), undefined);
    assert.match(notOneSentence("The Client View's catch-all. Offline it is all you get.") ?? '', /more than one sentence/);
    assert.match(notOneSentence('It failed (see the console). Try again.') ?? '', /more than one sentence/);
    assert.match(notOneSentence('It failed; try again') ?? '', /period/);
  });

  test('steps: 1–4, each a capitalised action ending with a period, not too long', () => {
    assert.equal(badSteps(['Check the connection.', 'Try again.']), undefined);
    assert.match(badSteps([]) ?? '', /0 steps/);
    assert.match(badSteps(['A.', 'B.', 'C.', 'D.', 'E.']) ?? '', /5 steps/);
    assert.match(badSteps(['try again.']) ?? '', /capital/);
    assert.match(badSteps(['Try again']) ?? '', /period/);
    assert.match(badSteps([`Check ${'x'.repeat(300)}.`]) ?? '', /characters/);
  });

  test('maintainer remarks are caught', () => {
    for (const text of [
      "Zoom's public error page swaps 3000 and 3005, the SDK's own strings say this.",
      'The SDK reported a code this library does not know.',
      'Observed: offline it is all you get.',
      'The bundle maps this to 3610.',
      'See normalizeSdkError.',
    ]) {
      assert.ok(maintainerRemark(text), text);
    }
    assert.equal(maintainerRemark("Read the SDK's own log line in the browser console."), undefined);
  });
});

describe('every table row: cause in one sentence, 1–4 steps, no maintainer remarks', () => {
  for (const sample of tableSamples()) {
    test(`${sample.code} (${sample.source}${sample.zoom !== undefined ? ` ${sample.zoom}` : ''})`, () => {
      assert.deepEqual(errorTextProblems(sample), []);
    });
  }
});

describe("every error the element makes itself, and every signature problem: the same rules, message included", () => {
  test('errors from the config, asset, signature, lock, join and normalize factories', async () => {
    const samples = await errorSamples();
    assert.ok(samples.length > 150, `${samples.length} samples`);
    const problems = samples.flatMap((sample) =>
      errorTextProblems(sample).map((problem) => `${sample.code} (${sample.title}): ${problem}`),
    );
    assert.deepEqual(problems, []);
  });

  test('signature problems (shown as the hint and steps of signature-rejected-locally)', () => {
    const problems = signatureProblemSamples();
    assert.ok(problems.length >= 17);
    const found = problems.flatMap((problem) => errorTextProblems(problem).map((text) => `${problem.code}: ${text}`));
    assert.deepEqual(found, []);
  });

  test('a signature Zoom refused: the in-page finding is one more step, first; the hint stays one sentence', () => {
    const refused = normalizeSdkError({ errorCode: 3712, reason: 'Signature is invalid.' }, { view: 'component', stage: 'join' });
    for (const signature of ['not-a-jwt', 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIiwibW4iOiIxMjM0NTY3ODkwIiwicm9sZSI6MCwiaWF0IjoxLCJleHAiOjJ9.c2ln']) {
      const explained = explainSignatureRejection(refused, { signature, meetingNumber: '1234567890', role: 0 });
      assert.equal(explained.hint, refused.hint);
      assert.equal(notOneSentence(explained.hint), undefined);
      assert.deepEqual(explained.steps.slice(1), refused.steps);
      assert.match(explained.steps[0]!, /in-page check/);
      for (const text of [explained.title, explained.message, ...explained.steps]) assert.equal(maintainerRemark(text), undefined, text);
    }
  });
});

describe('ZoomJoinError.steps', () => {
  test('always present: empty when none are given, a copy of those given, and in toJSON', () => {
    const bare = new ZoomJoinError({ code: 'sdk-unknown', category: ErrorCategory.sdk, message: 'm', hint: 'h.' });
    assert.deepEqual(bare.steps, []);
    const given = Object.freeze(['Do this.', 'Then that.']);
    const error = new ZoomJoinError({ code: 'sdk-unknown', category: ErrorCategory.sdk, message: 'm', hint: 'h.', steps: given });
    assert.deepEqual(error.steps, given);
    assert.notEqual(error.steps, given, 'a copy: one error cannot change a table row');
    assert.deepEqual(error.toJSON()['steps'], given);
    assert.deepEqual(JSON.parse(JSON.stringify(error)).steps, given);
  });
});

describe('the merged codes are gone', () => {
  const root = fileURLToPath(new URL('../../src/', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  for (const [old, now] of Object.entries(MERGED_CODES)) {
    test(`${old} (now ${now}) appears nowhere in src/`, () => {
      // As a quoted string: the word "aborted" is fine elsewhere (signal.aborted), the code is not.
      const quoted = new RegExp(`['"\`]${old}['"\`]`);
      const hits = files(root).filter((path) => quoted.test(readFileSync(path, 'utf8')));
      assert.deepEqual(hits, []);
    });
  }

  test('the errors that replaced them carry the new codes', async () => {
    const codes = new Set((await errorSamples()).map((sample) => sample.code));
    for (const now of new Set(Object.values(MERGED_CODES))) assert.ok(codes.has(now), now);
    for (const old of Object.keys(MERGED_CODES)) assert.ok(!codes.has(old), old);
  });
});
