// docs/errors.md lists every public code the element can raise; these tests fail when the page and the code
// disagree (run `npm run docs:errors` to regenerate its generated part).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  codesNeedingCombinedMeaning,
  DOCS_PATH,
  errorSamples,
  problemMeanings,
  renderErrorCodeDocs,
  renderErrorCodeList,
  CODE_LIST_PATH,
  signatureProblemSamples,
  warningCodes,
  withGenerated,
} from '../../scripts/error-code-docs.js';
import { knownZoomErrorCodes, sdkErrorTypes, sdkMessageRules, zoomErrorTable } from '../../src/error-codes/index.js';
import { SignatureProblemCode } from '../../src/signature/inspect.js';
import { SignatureFetchErrorCode } from '../../src/signature/signature-errors.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = readFileSync(DOCS_PATH, 'utf8');
/** Backticked names in the first cell of the docs' table rows. */
const documented = new Set(
  docs
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const sources = sourceFiles(join(root, 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('docs/errors.md', () => {
  test('src/error-codes/error-code-list.ts (the type of ZoomJoinError.code) lists exactly the documented codes', async () => {
    assert.equal(readFileSync(CODE_LIST_PATH, 'utf8'), await renderErrorCodeList(), 'stale: run npm run docs:errors');
  });

  test('its generated part is what scripts/error-code-docs.ts makes from the code', async () => {
    const generated = await renderErrorCodeDocs();
    assert.equal(withGenerated(docs, generated), docs, 'docs/errors.md is stale: run npm run docs:errors');
  });

  test('every Zoom number in the tables, and every code they map to, is listed', () => {
    for (const sdkCode of knownZoomErrorCodes) {
      const code = zoomErrorTable[sdkCode]!.code;
      assert.ok(documented.has(code), `${code} (Zoom ${sdkCode})`);
      assert.match(docs, new RegExp(`^\\| \`${code}\` \\|[^\\n]*\\b${String(Math.abs(sdkCode))}\\b`, 'm'), `${code} names ${sdkCode}`);
    }
    for (const rule of sdkMessageRules) assert.ok(documented.has(rule.entry.code), rule.entry.code);
    for (const entry of Object.values(sdkErrorTypes)) assert.ok(documented.has(entry.code), entry.code);
  });

  test('every code the element raises itself is listed', async () => {
    for (const sample of await errorSamples()) assert.ok(documented.has(sample.code), sample.code);
    for (const code of Object.values(SignatureFetchErrorCode)) assert.ok(documented.has(code), code);
  });

  test('every code literal in src/ is listed: a new error or warning cannot ship undocumented', () => {
    const literals = new Map<string, string>();
    for (const { path, text } of sources) {
      // `code: 'x'` in objects, and configError('x', …) whose first argument is the code.
      for (const match of text.matchAll(/\bcode:\s*'([a-z][a-z0-9-]*)'|configError\(\s*'([a-z][a-z0-9-]*)'/g)) {
        literals.set(match[1] ?? match[2]!, path);
      }
    }
    assert.ok(literals.size > 100, `found ${literals.size} code literals (guards the scan itself)`);
    const missing = [...literals].filter(([code]) => !documented.has(code)).map(([code, path]) => `${code} (${path})`);
    assert.deepEqual(missing, []);
  });

  test('every code met in several forms has one line that covers them all', async () => {
    assert.deepEqual(codesNeedingCombinedMeaning(await errorSamples()), []);
  });

  test('every zoom-warning code in the type is listed, and nothing else', () => {
    const plan = readFileSync(join(root, 'src/assets/plan.ts'), 'utf8');
    const union = /export interface AssetWarning \{\s*code:([^;]+);/.exec(plan)?.[1] ?? '';
    const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!);
    assert.ok(codes.length >= 5, 'the AssetWarning union was found');
    // …and the forms the Client View shows instead of failing (SdkPrompt).
    const adapter = readFileSync(join(root, 'src/sdk/adapter.ts'), 'utf8');
    const prompts = /export type SdkPrompt =([^;]+);/.exec(adapter)?.[1] ?? '';
    codes.push(...[...prompts.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!));
    assert.ok(codes.includes('passcode-prompt'), 'the SdkPrompt union was found');
    // …and what the device cannot do (DeviceWarningCode).
    const capabilities = readFileSync(join(root, 'src/assets/capabilities.ts'), 'utf8');
    const device = /export type DeviceWarningCode =([^;]+);/.exec(capabilities)?.[1] ?? '';
    codes.push(...[...device.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!));
    assert.ok(codes.includes('device-no-screen-share'), 'the DeviceWarningCode union was found');
    // …and those of the SDK options and of lang in a meeting (SdkOptionWarningCode).
    const options = readFileSync(join(root, 'src/sdk/options/check-options.ts'), 'utf8');
    const optionCodes = /export type SdkOptionWarningCode =([^;]+);/.exec(options)?.[1] ?? '';
    codes.push(...[...optionCodes.matchAll(/'([a-z-]+)'/g)].map((match) => match[1]!));
    assert.ok(codes.includes('lang-next-join'), 'the SdkOptionWarningCode union was found');
    assert.deepEqual([...codes].sort(), Object.keys(warningCodes).sort());
  });

  test('every signature problem code is listed with a meaning, and the samples raise each one', () => {
    const raised = new Set(signatureProblemSamples().map((problem) => problem.code));
    for (const code of Object.values(SignatureProblemCode)) {
      assert.ok(problemMeanings[code], `${code} has a meaning`);
      assert.ok(documented.has(code), code);
      assert.ok(raised.has(code), `${code} is raised by a sample signature`);
    }
  });

  test('the merged codes are not listed as codes', () => {
    for (const old of ['unknown-sdk-error', 'aborted', 'another-meeting-active', 'meeting-open-elsewhere']) {
      assert.doesNotMatch(docs.slice(docs.indexOf('<!-- error-codes:start')), new RegExp(`\`${old}\``), old);
    }
  });

  test('the README and the troubleshooting guide link it', () => {
    assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /\(docs\/errors\.md\)/);
    assert.match(readFileSync(join(root, 'docs/troubleshooting.md'), 'utf8'), /\(errors\.md\)/);
  });
});
