import { msg, str } from '@lit/localize';
import { withoutUserinfo } from '../safe-text.js';
import { untilAborted } from '../abort.js';
import { ErrorCategory, ZoomJoinError, type ErrorAdvice } from '../zoom-join-error.js';
import { SDK_VERSION_RANGE, isSupportedSdkVersion } from '../sdk/version.js';
import { KNOWN_SDK_WITNESSES, recognizeSdkVersion } from './builtin-manifest.js';
import { manifestUrl, parseManifest, type AssetManifest } from './manifest.js';
import { VERSION_WITNESS } from './sdk-files.js';

export interface CheckAssetPathOptions {
  signal?: AbortSignal;
  /**
   * The version the page says it serves (`sdk-version`): required for a copy of a version zoom-join does not know
   * the witness of, and checked against it for one it knows.
   */
  sdkVersion?: string;
  /** Injectable for tests. */
  fetch?: typeof fetch;
}

/** The fix for every way the asset path fails to serve the SDK's files. */
function serveSteps(): readonly string[] {
  return [
  msg("Serve the installed package's node_modules/@zoom/meetingsdk/dist/lib folder (it holds av/, lang/, …)."),
  msg('Point asset-path at it (with zoom-join/vite: asset-path="/zoom-sdk/lib").'),
];
}

const NOT_SERVED: ErrorAdvice = {
  get hint() {
    return msg("The SDK's files are not served at the asset path, so the SDK would fail to load them.");
  },
  get steps() {
    return serveSteps();
  },
};

function invalid(libUrl: string, message: string, advice: ErrorAdvice, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: 'asset-path-invalid',
    category: ErrorCategory.assets,
    title: msg('The Zoom SDK files were not found'),
    message: msg(str`${message} (checked ${withoutUserinfo(manifestUrl(libUrl))})`),
    hint: advice.hint,
    steps: advice.steps,
    retryable: true,
    cause,
  });
}

function looksLikeHtml(contentType: string, body: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(body);
}

/** What a self-hosted asset path serves: its manifest, and which SDK version it is. */
export interface ServedSdk {
  manifest: AssetManifest;
  version: string;
}

function versionMismatch(libUrl: string, message: string, hint: string, steps: string[]): ZoomJoinError {
  return new ZoomJoinError({
    code: 'asset-version-mismatch',
    category: ErrorCategory.assets,
    title: msg('The Zoom SDK files are from another version'),
    message: msg(str`${message} (checked ${withoutUserinfo(manifestUrl(libUrl))})`),
    hint,
    steps,
    retryable: false,
  });
}

/**
 * Reads `<lib>/av/manifest.json` and tells which SDK version it belongs to. The SDK itself would only fail later,
 * after the signature round trip, with an opaque "dependent assets are not accessible" (5001). The manifest names no
 * version, so the version is recognised by the sha256 of js_media (which every release changes) among the versions
 * zoom-join's suites run; a version of the supported range it does not know is taken from `sdkVersion`.
 * Rejects with a `ZoomJoinError` (category `assets`, code `asset-path-invalid` or `asset-version-mismatch`), or with
 * the signal's reason when aborted.
 */
export async function checkServedSdk(libUrl: string, options: CheckAssetPathOptions = {}): Promise<ServedSdk> {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const url = manifestUrl(libUrl);
  let response: Response;
  try {
    // The same request js_media's fetch-with-cache makes for this file, so the browser can answer it from cache later.
    response = await fetchImpl(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  } catch (error) {
    options.signal?.throwIfAborted();
    throw invalid(
      libUrl,
      msg('The asset path could not be reached.'),
      {
        hint:
          msg('The asset path could not be reached: its URL is wrong, or a server on another origin does not send Access-Control-Allow-Origin (the SDK fetches its workers and wasm with CORS).'),
        steps: [
          msg('Check that the asset-path URL is right.'),
          msg('When it is on another origin, make that server send Access-Control-Allow-Origin.'),
          ...serveSteps(),
        ],
      },
      error,
    );
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    throw invalid(libUrl, msg(str`The asset path answered HTTP ${response.status} for av/manifest.json.`), NOT_SERVED);
  }
  const body = await response.text();
  if (looksLikeHtml(contentType, body)) {
    throw invalid(
      libUrl,
      msg("The asset path answered with an HTML page instead of the SDK's manifest."),
      {
        hint: msg("A single-page-app fallback or a login page is probably answering for the SDK's missing files."),
        steps: serveSteps(),
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw invalid(libUrl, msg('av/manifest.json is not valid JSON.'), NOT_SERVED, error);
  }
  const manifest = parseManifest(json);
  const witness = manifest?.[VERSION_WITNESS];
  if (!manifest || !witness) {
    throw invalid(libUrl, msg(str`av/manifest.json does not list the SDK's files (no ${VERSION_WITNESS}).`), NOT_SERVED);
  }
  const recognised = recognizeSdkVersion(witness);
  const claimed = options.sdkVersion;
  const reinstall = (version: string): string =>
    msg(str`Copy dist/lib from the installed @zoom/meetingsdk ${version} again after every SDK upgrade (zoom-join/vite does it on build).`);
  if (recognised !== undefined && (claimed === undefined || claimed === recognised)) return { manifest, version: recognised };
  if (recognised !== undefined && claimed !== undefined) {
    throw versionMismatch(
      libUrl,
      msg(str`The files at the asset path are @zoom/meetingsdk ${recognised}, not ${claimed} as sdk-version says.`),
      msg('The sdk-version attribute names another SDK version than the one served at the asset path, and the two must match.'),
      [
        msg(str`Set sdk-version="${recognised}", or remove it: the element recognises ${recognised} by itself.`),
        reinstall(claimed),
        msg('Bust any CDN cache in front of it.'),
      ],
    );
  }
  if (claimed !== undefined && !(claimed in KNOWN_SDK_WITNESSES) && isSupportedSdkVersion(claimed)) return { manifest, version: claimed };
  const known = Object.keys(KNOWN_SDK_WITNESSES).join(', ');
  throw versionMismatch(
    libUrl,
    claimed === undefined
      ? msg(str`The files at the asset path are not a @zoom/meetingsdk version the element recognises by itself (${known}; its ${VERSION_WITNESS} differs).`)
      : msg(str`The files at the asset path are not @zoom/meetingsdk ${claimed}, as sdk-version says (its ${VERSION_WITNESS} differs).`),
    msg(str`The element recognises @zoom/meetingsdk ${known} from their files; for another version of ${SDK_VERSION_RANGE} it needs to be told which.`),
    [
      msg('Set sdk-version to the version of @zoom/meetingsdk whose dist/lib the asset path serves (npm ls @zoom/meetingsdk shows it).'),
      claimed === undefined
        ? msg('Copy dist/lib from the installed @zoom/meetingsdk again after every SDK upgrade (zoom-join/vite does it on build).')
        : reinstall(claimed),
      msg('Bust any CDN cache in front of it.'),
    ],
  );
}

/** checkServedSdk's manifest alone. */
export async function checkAssetPath(libUrl: string, options: CheckAssetPathOptions = {}): Promise<AssetManifest> {
  return (await checkServedSdk(libUrl, options)).manifest;
}

const checks = new Map<string, Promise<ServedSdk>>();
/** The versions checks found, by lib URL: what the SDK's frame loads is named after it (see sdk-realm.ts). */
const servedVersions = new Map<string, string>();

/**
 * checkServedSdk once per page, lib URL and claimed version: the preload and the join share one request. A failure
 * is forgotten (so Retry after fixing the server checks again); the abort of one caller does not cancel the shared
 * check.
 */
export function checkAssetPathOnce(libUrl: string, options: CheckAssetPathOptions = {}): Promise<ServedSdk> {
  const key = `${options.sdkVersion ?? ''} ${libUrl}`;
  let check = checks.get(key);
  if (!check) {
    // Bounded: a server that never answers must fail the check (and be asked again on Retry), not hang the join.
    const timeout = AbortSignal.timeout(CHECK_TIMEOUT_MS);
    check = checkServedSdk(libUrl, { fetch: options.fetch, signal: timeout, sdkVersion: options.sdkVersion }).then(
      (served) => {
        servedVersions.set(libUrl, served.version);
        return served;
      },
      (error: unknown) => {
        if (!timeout.aborted) throw error;
        throw invalid(libUrl, msg(str`The asset path did not answer within ${CHECK_TIMEOUT_MS / 1000} s.`), TIMED_OUT, error);
      },
    );
    checks.set(key, check);
    const stored = check;
    stored.catch(() => {
      if (checks.get(key) === stored) checks.delete(key);
    });
  }
  return options.signal ? untilAborted(check, options.signal) : check;
}

/** The SDK version the last successful check of `libUrl` found there, if any. */
export function servedSdkVersion(libUrl: string): string | undefined {
  return servedVersions.get(libUrl.replace(/\/+$/, ''));
}

/** How long the manifest check may take before the asset path counts as unreachable. */
const CHECK_TIMEOUT_MS = 15_000;

/** @internal Exported for the error-text tests and docs/errors.md: the 15 s timeout is too slow to provoke there. */
export const TIMED_OUT: ErrorAdvice = {
  get hint() {
    return msg("The server behind the asset path did not answer in time, so the SDK's files cannot be loaded from it.");
  },
  get steps() {
    return [msg('Check that the server behind asset-path is up.'), ...serveSteps()];
  },
};

/** @internal Tests only. */
export function forgetAssetPathChecks(): void {
  checks.clear();
  servedVersions.clear();
}
