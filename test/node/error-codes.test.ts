import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import {
  componentViewErrors,
  describeZoomError,
  knownZoomErrorCodes,
  matchSdkMessage,
  sdkErrorTypes,
  sdkMessageRules,
  unknownZoomError,
  zoomErrorTable,
  type ZoomErrorEntry,
} from '../../src/error-codes/index.js';
import { ErrorCategory } from '../../src/zoom-join-error.js';
import { errorTextProblems } from '../support/error-texts.js';

const categories = new Set<string>(Object.values(ErrorCategory));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function assertWellFormed(entry: ZoomErrorEntry | undefined, label: string): void {
  assert.ok(entry, `${label} has a row`);
  assert.match(entry.code, KEBAB, `${label}: code is kebab-case`);
  assert.ok(categories.has(entry.category), `${label}: category ${entry.category} is an ErrorCategory`);
  assert.ok(entry.title.trim().length > 0, `${label}: title`);
  assert.ok(entry.hint.trim().length > 20, `${label}: hint names the cause`);
  assert.equal(typeof entry.retryable, 'boolean', `${label}: retryable`);
  // The cause in one sentence, 1–4 short steps, and nothing addressed to maintainers.
  assert.deepEqual(errorTextProblems(entry), [], label);
}

/** What the error panel shows a person to act on: the cause, then the steps. */
const advice = (entry: { hint: string; steps: readonly string[] }): string => [entry.hint, ...entry.steps].join(' ');

describe('every known code has a usable row', () => {
  for (const sdkCode of knownZoomErrorCodes) {
    test(`${sdkCode}`, () => {
      assertWellFormed(zoomErrorTable[sdkCode], String(sdkCode));
      const described = describeZoomError(sdkCode);
      assert.equal(described.sdkCode, sdkCode);
      assert.equal(described.code, zoomErrorTable[sdkCode]?.code);
      assert.equal(described.hint, zoomErrorTable[sdkCode]?.hint);
      assert.deepEqual(described.steps, zoomErrorTable[sdkCode]?.steps, 'describeZoomError gives the full text');
    });
  }
  for (const [sdkCode, entry] of Object.entries(componentViewErrors)) {
    test(`${sdkCode} (Component View meaning)`, () => assertWellFormed(entry, `component ${sdkCode}`));
  }
  test('message rules and SDK error types', () => {
    for (const rule of sdkMessageRules) assertWellFormed(rule.entry, String(rule.pattern));
    for (const [type, entry] of Object.entries(sdkErrorTypes)) assertWellFormed(entry, type);
  });
  test('the row for numbers nothing knows', () => assertWellFormed(unknownZoomError, 'unknown'));
});

describe('the list of known codes', () => {
  test('is sorted, unique and matches the table', () => {
    const sorted = [...knownZoomErrorCodes].sort((a, b) => a - b);
    assert.deepEqual(knownZoomErrorCodes, sorted);
    assert.equal(new Set(knownZoomErrorCodes).size, knownZoomErrorCodes.length);
    assert.deepEqual(
      knownZoomErrorCodes,
      Object.keys(zoomErrorTable)
        .map(Number)
        .sort((a, b) => a - b),
    );
  });

  test('covers the codes the brief names', () => {
    const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const required = [
      0, 1, 2, 200, -3000, 403, 3000, 3001, 3003, 3004, 3005, 3008, 3009, 3099, 3100,
      3603, 3610, 3611, 3620, 3621, 3622, 3633, 3634, 3635,
      ...range(3704, 3713), ...range(4003, 4009), ...range(4011, 4018), 5001, 10000,
    ];
    for (const code of required) assert.ok(knownZoomErrorCodes.includes(code), `${code} is known`);
  });

  test('3002 and 4010 do not exist in SDK 6.2.0 and read as unknown', () => {
    for (const code of [3002, 4010]) assert.equal(describeZoomError(code).code, 'sdk-unknown');
  });
});

describe('specific meanings', () => {
  test('3712: Meeting SDK app credentials, not OAuth; then the other causes', () => {
    const described = describeZoomError(3712);
    const { code, category, retryable } = described;
    const hint = advice(described);
    assert.equal(code, 'signature-invalid');
    assert.equal(category, ErrorCategory.signature);
    assert.equal(retryable, false);
    assert.match(hint, /Meeting SDK app/);
    assert.match(hint, /Client ID and Client Secret/);
    assert.match(hint, /OAuth/);
    assert.match(hint, /Server-to-Server OAuth/);
    assert.ok(hint.indexOf('Meeting SDK app') < hint.indexOf('clock'), 'the app type comes first');
    assert.match(hint, /different apps/);
    assert.match(hint, /clock/);
    for (const claim of ['appKey', 'sdkKey', 'mn', 'role', 'iat', 'exp', 'tokenExp']) {
      assert.match(hint, new RegExp(`\\b${claim}\\b`), claim);
    }
  });

  test('3705 is about the clock or the expiry', () => {
    const d = describeZoomError(3705);
    assert.equal(d.code, 'signature-expired');
    assert.match(d.hint, /clock/);
    assert.match(d.hint, /exp/);
    for (const fact of [/NTP/, /30–120 s/, /1800 s and 172800 s/, /seconds/]) assert.match(advice(d), fact);
  });

  test('3706 and 3707 are about the meeting number', () => {
    assert.match(describeZoomError(3706).hint, /meeting number/);
    assert.match(describeZoomError(3706).hint, /\bmn\b/);
    assert.match(describeZoomError(3707).hint, /meeting number/);
    assert.match(advice(describeZoomError(3707)), /\bmn\b/);
  });

  test('3000 is another meeting in progress, not email; 3005 is the email one', () => {
    const d = describeZoomError(3000);
    assert.equal(d.code, 'another-meeting-in-progress');
    assert.doesNotMatch(d.title, /mail/i);
    assert.doesNotMatch(advice(d), /mail/i);
    assert.equal(describeZoomError(3005).code, 'email-required');
  });

  test('3008: the host has not started, retryable', () => {
    const d = describeZoomError(3008);
    assert.equal(d.code, 'meeting-not-started');
    assert.equal(d.retryable, true);
    assert.match(d.hint, /host/);
  });

  test('3004 is the passcode', () => {
    assert.equal(describeZoomError(3004).code, 'wrong-passcode');
    assert.match(describeZoomError(3004).hint, /passcode/);
    assert.match(advice(describeZoomError(3004)), /exactly as in the invitation/);
  });

  test('5001: assets; the asset path must be absolute, relative ones are ignored', () => {
    const d = describeZoomError(5001);
    assert.equal(d.code, 'assets-unreachable');
    assert.equal(d.category, ErrorCategory.assets);
    const text = advice(d);
    assert.match(text, /absolute/);
    assert.match(text, /lib\/av/);
    assert.match(text, /CDN/);
    assert.match(text, /[Rr]elative path is silently ignored/);
    assert.match(text, /new URL\(path, document\.baseURI\)\.href/);
  });

  test('3635: the network or a firewall blocks the wasm files', () => {
    const d = describeZoomError(3635);
    assert.equal(d.category, ErrorCategory.network);
    assert.match(d.hint, /firewall/);
    assert.match(d.hint, /wasm/);
    assert.match(advice(d), /application\/wasm/);
  });

  test('-3000, 3621, 3622: connectivity, retryable', () => {
    assert.equal(describeZoomError(-3000).code, 'connection-error');
    for (const code of [-3000, 3621, 3622]) {
      const d = describeZoomError(code);
      assert.equal(d.category, ErrorCategory.network, String(code));
      assert.equal(d.retryable, true, String(code));
    }
  });

  test('an unknown code keeps the number, generic text, not retryable', () => {
    const d = describeZoomError(98765);
    assert.equal(d.code, 'sdk-unknown');
    assert.equal(d.sdkCode, 98765);
    assert.equal(d.retryable, false);
    assert.equal(d.category, ErrorCategory.sdk);
    assert.ok(d.hint.length > 0);
    assert.ok(d.steps.length > 0);
    // Object.prototype must never answer for a number.
    assert.equal(describeZoomError(Number.NaN).code, 'sdk-unknown');
  });

  test('1–3 mean something else in the Component View', () => {
    assert.equal(describeZoomError(1).code, 'join-failed');
    assert.equal(describeZoomError(1, 'client').code, 'join-failed');
    assert.equal(describeZoomError(1, 'component').code, 'operation-timeout');
    assert.equal(describeZoomError(2, 'component').code, 'sdk-internal-error');
    assert.equal(describeZoomError(3, 'component').code, 'operation-cancelled');
    assert.equal(describeZoomError(3712, 'component').code, 'signature-invalid');
  });

  test('the SDK wording travels with the description', () => {
    assert.equal(describeZoomError(3712).sdkText, 'Signature is invalid.');
    assert.equal(describeZoomError(-3000).sdkText, undefined);
  });

  test('message rules need the right error name and stage', () => {
    assert.equal(matchSdkMessage("Cannot read properties of undefined (reading 'replace')", 'join', 'TypeError')?.code, 'signature-malformed');
    assert.equal(matchSdkMessage("Cannot read properties of undefined (reading 'replace')", 'leave', 'TypeError'), undefined);
    assert.equal(matchSdkMessage("Cannot read properties of undefined (reading 'replace')", 'join'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The table against the SDK that is installed: its lang file, the code maps in both bundles, its enums.

const require = createRequire(import.meta.url);
const sdkDir = dirname(require.resolve('@zoom/meetingsdk/package.json'));
const read = (path: string): string => readFileSync(join(sdkDir, path), 'utf8');
const enUS = JSON.parse(read('dist/lib/lang/en-US.json')) as Record<string, string>;
const clientBundle = read('dist/zoomus-websdk.umd.min.js');
const componentBundle = read('dist/zoomus-websdk-embedded.umd.min.js');

const NUM = String.raw`-?\d+(?:e\d+)?`;
const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pair {
  code: number;
  key: string;
  where: string;
}

/**
 * The SDK turns server answers into its codes with nested maps like `3001:{"apac.errorcodes_not_exist":3610}` or
 * `6:{"meeting ended":4004}`: source number → {i18n key or reason → reported code}.
 */
function mapPairs(source: string, where: string): Pair[] {
  const outer = new RegExp(`(?<![\\w.$])("?${NUM}"?):\\{((?:"[^"{}]+":${NUM},?)+)\\}`, 'g');
  const inner = new RegExp(`"([^"]+)":(${NUM})`, 'g');
  const pairs: Pair[] = [];
  for (const match of source.matchAll(outer)) {
    for (const [, key, code] of (match[2] ?? '').matchAll(inner)) {
      if (key !== undefined && code !== undefined) pairs.push({ code: Number(code), key, where });
    }
  }
  return pairs;
}

/** An `e[e.Name=123]="Name"` enum found by one of its members; minified names change, members do not. */
function enumNear(source: string, anchor: string): { name: string; members: Map<string, number> } {
  const start = source.indexOf(anchor);
  assert.ok(start > 0, `the SDK still has ${anchor}`);
  const head = source.lastIndexOf('=function(e){', start);
  const name = /(\w+)$/.exec(source.slice(Math.max(0, head - 40), head))?.[1];
  assert.ok(name, `enum name before ${anchor}`);
  const body = source.slice(head, source.indexOf('}({})', start));
  const members = new Map<string, number>();
  for (const [, member, value] of body.matchAll(new RegExp(`e\\[e\\.(\\w+)=(${NUM})\\]`, 'g'))) {
    if (member !== undefined && value !== undefined) members.set(member, Number(value));
  }
  return { name, members };
}

/** The SDK's English for a key: the lang file first, else the strings built into the bundles. */
function sdkEnglish(key: string): string | undefined {
  if (Object.hasOwn(enUS, key)) return enUS[key];
  const quoted = new RegExp(`"${escapeRe(key)}":"((?:[^"\\\\]|\\\\.)*)"`).exec(clientBundle);
  const bare = new RegExp(`[{,]${escapeRe(key.replace(/^apac\./, ''))}:"((?:[^"\\\\]|\\\\.)*)"`).exec(componentBundle);
  const raw = quoted?.[1] ?? bare?.[1];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(`"${raw.replace(/\\'/g, "'")}"`) as string;
  } catch {
    return raw;
  }
}

const allMapPairs = [...mapPairs(clientBundle, 'Client View maps'), ...mapPairs(componentBundle, 'Component View maps')];

// Client View: ZoomMtg.errorCodes = {SUCCESS:0,FAIL:1,…} and errorCodesReason = {SUCCESS:"apac.errorcodes_success",…}.
const clientCodes = new Map<string, number>();
for (const [, name, value] of (/\{SUCCESS:0,FAIL:1,[^}]*\}/.exec(clientBundle)?.[0] ?? '').matchAll(
  new RegExp(`([A-Z_]+):(${NUM})`, 'g'),
)) {
  if (name !== undefined && value !== undefined) clientCodes.set(name, Number(value));
}
const clientReasons = new Map<string, string>();
for (const [, name, key] of (/\{SUCCESS:"apac\.errorcodes_success",[^}]*\}/.exec(clientBundle)?.[0] ?? '').matchAll(
  /([A-Z_]+):"([^"]+)"/g,
)) {
  if (name !== undefined && key !== undefined) clientReasons.set(name, key);
}

// Component View: the join-result enum and its code → i18n key table (`{[Enum.Name]:"apac.…"}`).
const componentJoinEnum = enumNear(componentBundle, 'e[e.AnotherMeetingInProgress=3e3]');
const componentJoinKeys: Pair[] = [];
for (const [, member, key] of componentBundle.matchAll(
  new RegExp(`\\[${escapeRe(componentJoinEnum.name)}\\.(\\w+)\\]:"([^"]+)"`, 'g'),
)) {
  const code = member === undefined ? undefined : componentJoinEnum.members.get(member);
  if (code !== undefined && key !== undefined) componentJoinKeys.push({ code, key, where: 'Component View key table' });
}
// Component View: the client error enum shared with the Video SDK (most members are in-meeting operations).
const componentClientEnum = enumNear(componentBundle, 'e[e.CLIENT_DEPENDENT_ASSETS_INACCESSIBLE=5001]');

describe('the table matches SDK 6.2.0', () => {
  test('the bundles were parsed (guards the extraction itself)', () => {
    assert.ok(allMapPairs.length > 100, `found ${allMapPairs.length} map entries`);
    assert.ok(clientCodes.size > 20 && clientReasons.size > 20);
    assert.ok(componentJoinEnum.members.size > 20 && componentJoinKeys.length > 20);
    assert.equal(componentClientEnum.members.get('CLIENT_DEPENDENT_ASSETS_INACCESSIBLE'), 5001);
  });

  test('every code the bundle maps can report is in the table', () => {
    const missing = [...new Set(allMapPairs.map((p) => p.code))].filter((c) => !knownZoomErrorCodes.includes(c));
    assert.deepEqual(missing, []);
  });

  test('every ZoomMtg.errorCodes value is in the table', () => {
    for (const [name, code] of clientCodes) assert.ok(knownZoomErrorCodes.includes(code), `${name}=${code}`);
  });

  test("every Component View join code is in the table", () => {
    for (const [name, code] of componentJoinEnum.members) assert.ok(knownZoomErrorCodes.includes(code), `${name}=${code}`);
  });

  test('the Component View client codes reported at join are in the table, 1–3 in its own rows', () => {
    const joinRelevant = /^SESSION_|^CLIENT_(?:PLATFORM_UNSUPPORTED|DEPENDENT_ASSETS_INACCESSIBLE|DUPLICATED_JOIN|INVALID_JOIN_PARAMETER)$/;
    for (const [name, code] of componentClientEnum.members) {
      if (joinRelevant.test(name)) assert.ok(knownZoomErrorCodes.includes(code), `${name}=${code}`);
      if (name.startsWith('OPERATION_')) assert.ok(Object.hasOwn(componentViewErrors, code), `${name}=${code}`);
    }
  });

  test("every i18n key the SDK attaches to a code is listed on that code's row", () => {
    const pairs: Pair[] = [
      ...allMapPairs.filter((p) => p.key.startsWith('apac.')),
      ...componentJoinKeys,
      ...[...clientCodes].flatMap(([name, code]) => {
        const key = clientReasons.get(name);
        return key === undefined ? [] : [{ code, key, where: `ZoomMtg.errorCodesReason.${name}` }];
      }),
    ];
    const problems = pairs
      .filter((p) => !(zoomErrorTable[p.code]?.sdkKeys ?? []).includes(p.key))
      .map((p) => `${p.code} ← ${p.key} (${p.where})`);
    assert.deepEqual([...new Set(problems)], []);
  });

  test("every key in the table exists in the SDK, and sdkText is the SDK's own English", () => {
    for (const sdkCode of knownZoomErrorCodes) {
      const entry = zoomErrorTable[sdkCode];
      const keys = entry?.sdkKeys ?? [];
      for (const key of keys) {
        assert.ok(
          Object.hasOwn(enUS, key) || clientBundle.includes(`"${key}"`) || componentBundle.includes(`"${key}"`),
          `${sdkCode}: ${key} exists in the SDK`,
        );
      }
      const first = keys[0];
      const expected = first === undefined ? undefined : sdkEnglish(first);
      assert.equal(entry?.sdkText, expected, `${sdkCode}: sdkText of ${first ?? '(no key)'}`);
    }
  });

  test('the Component View messages we recognise are still in its bundle', () => {
    for (const text of [
      'zoomAppRoot cannot be falsy',
      'zoomAppRoot must be defined',
      'appKey can not empty in the signature',
      'userName cannot be empty',
      'zak and obfToken are mutually exclusive. Please provide only one.',
      'connection error',
    ]) {
      assert.ok(componentBundle.includes(text), text);
      assert.ok(matchSdkMessage(text, 'join'), text);
    }
    // Recognised by its number (5001), but the 5001 row's advice depends on this being the asset check.
    assert.match(componentBundle, /reason:"dependent assets are not accessible",errorCode:\w+\.CLIENT_DEPENDENT_ASSETS_INACCESSIBLE/);
    for (const text of ['userName length > 128 or userName is empty', 'meetingNumber length > 12', 'base64 string is not of the correct length']) {
      assert.ok(clientBundle.includes(text), text);
      assert.ok(matchSdkMessage(text, 'join'), text);
    }
  });
});

test('the checks read the bundles that the package entry points load', () => {
  // index.js and embedded.js re-export these files; if Zoom renames them, the checks above would test stale code.
  assert.match(read('index.js'), /zoomus-websdk\.umd\.min/);
  assert.match(read('embedded.js'), /zoomus-websdk-embedded\.umd\.min/);
  assert.ok(clientBundle.length > 1_000_000 && componentBundle.length > 1_000_000);
});
