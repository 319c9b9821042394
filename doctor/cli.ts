#!/usr/bin/env node
/**
 * zoom-join: command-line tools for pages that embed <zoom-join>. Today one command, `doctor`, which says at once
 * what a forum thread takes round trips to learn. The checks live in their own modules; this file parses
 * arguments, prints and sets the exit code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnoseAssetPath } from './asset-path.js';
import { diagnoseEndpoint } from './endpoint.js';
import { diagnoseInstalledSdk } from './sdk-version.js';
import { ExitCode, hasProblem, Mark, renderJson, renderText, type Section } from './report.js';
import { diagnoseSignature } from './signature.js';
import { diagnoseSignIn, SIGN_IN_SCOPE, SIGN_IN_SECRET_VARIABLES } from './sign-in.js';
import { diagnoseZoomToken } from './zoom-token.js';

const USAGE = `Usage:
  zoom-join doctor <signature | ->                 check a Meeting SDK signature (JWT); "-" reads it from stdin
  zoom-join doctor --endpoint <url> --origin <page origin>
                                                   send the element's signature request and CORS preflight
  zoom-join doctor --asset-path <lib url> [--page <url>] [--sdk-version <v>]
                                                   check a self-hosted dist/lib folder: its SDK version and whether
                                                   it is supported (and the page's COOP/COEP)
  zoom-join doctor --sdk [--from <folder>]         the installed @zoom/meetingsdk version (found from the folder,
                                                   default the current one): supported by zoom-join, and by Zoom?
  zoom-join doctor --sign-in                       check the Sign in with Zoom settings in the environment, offline
  zoom-join doctor --token <OBF token or ZAK | ->  read an OBF token or ZAK offline: its kind, expiry and meeting

Options:
  --meeting-number <n>  meeting number to compare with / request (endpoint default 1234567890)
  --role <0|1>          role to compare with / request (endpoint default 0)
  --origin <origin>     the page's origin (asset path: also taken from --page)
  --timeout <seconds>   how long each request may wait for an answer (endpoint default 10, asset path 15);
                        each of those modes ends within 3 times this, whatever the server does
  --json                print JSON for scripts instead of text
  -h, --help            this text

Environment (signature checks):
  ZOOM_MEETING_SDK_SECRET  verify the token's HS256 signature with it (never printed)
  ZOOM_MEETING_SDK_KEY     compare the token's appKey/sdkKey with it

Environment (--sign-in; secrets are never printed):
  ZOOM_OAUTH_CLIENT_ID, ZOOM_OAUTH_CLIENT_SECRET, ZOOM_OAUTH_REDIRECT_URI, ZOOM_WEBHOOK_SECRET_TOKEN,
  ZOOM_JOIN_SESSION_SECRET, ZOOM_JOIN_TOKEN_KEY, and ZOOM_JOIN_ATTACH, ZOOM_OAUTH_BASE_URL, ZOOM_API_BASE_URL if set.
  The Zoom app needs the scope ${SIGN_IN_SCOPE}.

Exit codes: 0 nothing stops a join (warnings may remain), 1 a problem stops a join, 2 usage error.
Modes can be combined in one run. More: docs/troubleshooting.md in the zoom-join package.`;

class UsageError extends Error {}

const DEFAULT_MEETING_NUMBER = '1234567890';

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        origin: { type: 'string' },
        'asset-path': { type: 'string' },
        page: { type: 'string' },
        'sign-in': { type: 'boolean', default: false },
        sdk: { type: 'boolean', default: false },
        from: { type: 'string' },
        'sdk-version': { type: 'string' },
        token: { type: 'string' },
        'meeting-number': { type: 'string' },
        role: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }
  const [command, token, ...extra] = positionals;
  if (command !== 'doctor') throw new UsageError(command === undefined ? 'Name a command: doctor.' : `Unknown command "${command}".`);
  if (extra.length > 0) throw new UsageError('Give at most one signature.');
  if (token === undefined && !values.endpoint && !values['asset-path'] && !values['sign-in'] && !values.sdk && values.token === undefined) {
    throw new UsageError('Give a signature, --endpoint, --asset-path, --sdk, --sign-in or --token.');
  }
  if (values.from !== undefined && !values.sdk) throw new UsageError('--from goes with --sdk.');
  if (values['sdk-version'] !== undefined && values['asset-path'] === undefined) throw new UsageError('--sdk-version goes with --asset-path.');
  if (token === '-' && values.token === '-') throw new UsageError('Only one of the signature and --token can be read from stdin.');
  if (values.page !== undefined && values['asset-path'] === undefined) throw new UsageError('--page goes with --asset-path.');
  const role = readRole(values.role);
  const timeoutMs = readTimeout(values.timeout);
  const meetingNumber = values['meeting-number']?.trim();
  if (meetingNumber !== undefined && !/^[\d\s-]+$/.test(meetingNumber)) throw new UsageError('--meeting-number holds digits only.');
  const credentials = { secret: env['ZOOM_MEETING_SDK_SECRET'], key: env['ZOOM_MEETING_SDK_KEY'] };

  const sections: Section[] = [];
  // Everything this run must never print: the secrets it read and the tokens it was given.
  const secrets = [credentials.secret, ...SIGN_IN_SECRET_VARIABLES.map((name) => env[name])];
  if (token !== undefined) {
    const jwt = token === '-' ? readFileSync(0, 'utf8') : token;
    const expected = { ...(meetingNumber !== undefined ? { meetingNumber } : {}), ...(role !== undefined ? { role } : {}) };
    sections.push(await diagnoseSignature(jwt, credentials, expected));
  }
  if (values.endpoint !== undefined) {
    if (values.origin === undefined) throw new UsageError('--endpoint needs --origin, the origin of the page that embeds the element.');
    const endpoint = absoluteUrl('--endpoint', values.endpoint);
    const requestMs = timeoutMs ?? ENDPOINT_TIMEOUT_MS;
    sections.push(
      ...(await withinDeadline(
        diagnoseEndpoint({
          endpoint,
          origin: originOf('--origin', values.origin),
          meetingNumber: meetingNumber ?? DEFAULT_MEETING_NUMBER,
          role: role ?? 0,
          credentials,
          timeoutMs: requestMs,
        }),
        MODE_DEADLINE_FACTOR * requestMs,
        `Signature endpoint ${endpoint}`,
      )),
    );
  }
  if (values['asset-path'] !== undefined) {
    const assetPath = absoluteUrl('--asset-path', values['asset-path']);
    const requestMs = timeoutMs ?? ASSET_TIMEOUT_MS;
    sections.push(
      ...(await withinDeadline(
        diagnoseAssetPath({
          assetPath,
          ...(values.page !== undefined ? { page: absoluteUrl('--page', values.page) } : {}),
          ...(values.origin !== undefined ? { origin: originOf('--origin', values.origin) } : {}),
          ...(values['sdk-version'] !== undefined ? { sdkVersion: values['sdk-version'].trim() } : {}),
          timeoutMs: requestMs,
        }),
        MODE_DEADLINE_FACTOR * requestMs,
        `Asset path ${assetPath}`,
      )),
    );
  }

  if (values.sdk) sections.push(diagnoseInstalledSdk(resolve(values.from ?? process.cwd())));
  if (values['sign-in']) sections.push(diagnoseSignIn(env));
  if (values.token !== undefined) {
    const zoomToken = values.token === '-' ? readFileSync(0, 'utf8') : values.token;
    secrets.push(zoomToken.trim());
    sections.push(diagnoseZoomToken(zoomToken, meetingNumber !== undefined ? { meetingNumber } : {}));
  }

  const output = values.json ? renderJson(sections) : renderText(sections);
  process.stdout.write(secrets.reduce<string>((text, secret) => withoutSecret(text, secret), output));
  return hasProblem(sections) ? ExitCode.problem : ExitCode.ok;
}

function readRole(text: string | undefined): 0 | 1 | undefined {
  if (text === undefined) return undefined;
  if (text === '0' || text === '1') return Number(text) as 0 | 1;
  throw new UsageError('--role is 0 (attendee) or 1 (host).');
}

const ENDPOINT_TIMEOUT_MS = 10_000;
const ASSET_TIMEOUT_MS = 15_000;
/**
 * A network mode sends a few requests, each bounded by the timeout; the mode as a whole is bounded too, by this many
 * timeouts, so a server that accepts and never answers cannot hold a CI job even where a request's own timeout fails
 * to fire.
 */
const MODE_DEADLINE_FACTOR = 3;

function readTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UsageError('--timeout is a number of seconds, more than 0 and at most 600.');
  }
  return Math.round(seconds * 1000);
}

/** The mode's sections, or a problem saying it did not finish within `ms`. */
async function withinDeadline(work: Promise<Section[]>, ms: number, title: string): Promise<Section[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Section[]>((resolve) => {
    timer = setTimeout(() => {
      resolve([
        {
          title,
          findings: [
            {
              check: 'deadline',
              mark: Mark.problem,
              message: `The checks did not finish within ${ms} ms: the server accepted the connection but did not answer.`,
              hint: 'A browser would wait in the same way, and the element would report a timeout.',
              steps: ['Check that the server is running and not stuck, and that the URL names the right port and scheme.'],
            },
          ],
        },
      ]);
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function absoluteUrl(flag: string, text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} needs an absolute http(s):// URL, not "${text}".`);
}

function originOf(flag: string, text: string): string {
  const origin = new URL(absoluteUrl(flag, text)).origin;
  return origin;
}

/** Belt and braces: no check prints the secret, and this makes sure a future one cannot either. */
function withoutSecret(text: string, secret: string | undefined): string {
  const value = secret?.trim() ?? '';
  if (value.length < 4) return text;
  // Also as JSON spells it, for --json: a secret with quotes or backslashes is escaped there.
  const spellings = [value, JSON.stringify(value).slice(1, -1)];
  return spellings.reduce((scrubbed, spelling) => scrubbed.split(spelling).join('[secret]'), text);
}

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`zoom-join: ${error.message}\nRun zoom-join --help for usage.\n`);
    process.exitCode = ExitCode.usage;
  } else {
    // Unexpected: the message, not a stack trace, and never the arguments (they may hold a token).
    const text = `zoom-join: ${error instanceof Error ? error.message : String(error)}\n`;
    const secrets = ['ZOOM_MEETING_SDK_SECRET', ...SIGN_IN_SECRET_VARIABLES].map((name) => process.env[name]);
    process.stderr.write(secrets.reduce<string>((scrubbed, secret) => withoutSecret(scrubbed, secret), text));
    process.exitCode = ExitCode.problem;
  }
}
// Once everything is printed, end: a request a server never answered can leave a socket open that would otherwise
// keep the process (and a CI job) waiting long after the report.
process.stdout.write('', () => process.exit());
