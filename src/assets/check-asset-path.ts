import { msg, str } from '@lit/localize';
import { withoutUserinfo } from '../safe-text.js';
import { untilAborted } from '../abort.js';
import { ErrorCategory, ZoomJoinError, type ErrorAdvice } from '../zoom-join-error.js';
import { BUILTIN_MANIFEST, BUILTIN_MANIFEST_VERSION } from './builtin-manifest.js';
import { manifestUrl, parseManifest, type AssetManifest } from './manifest.js';
import { VERSION_WITNESS } from './sdk-files.js';

export interface CheckAssetPathOptions {
  signal?: AbortSignal;
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
    message: `${message} (checked ${withoutUserinfo(manifestUrl(libUrl))})`,
    hint: advice.hint,
    steps: advice.steps,
    retryable: true,
    cause,
  });
}

function looksLikeHtml(contentType: string, body: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(body);
}

/**
 * Reads `<lib>/av/manifest.json` and checks that it belongs to the SDK version this library is built for. The SDK
 * itself would only fail later, after the signature round trip, with an opaque "dependent assets are not
 * accessible" (5001). The manifest names no version, so the version is recognised by the sha256 of js_media (which
 * every release changes) against the built-in table.
 * Resolves with the manifest (its sizes weigh the progress bar); rejects with a `ZoomJoinError` (category `assets`,
 * code `asset-path-invalid` or `asset-version-mismatch`), or with the signal's reason when aborted.
 */
export async function checkAssetPath(libUrl: string, options: CheckAssetPathOptions = {}): Promise<AssetManifest> {
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
  const expected = BUILTIN_MANIFEST[VERSION_WITNESS];
  if (witness.hash !== expected.hash || witness.size !== expected.size) {
    throw new ZoomJoinError({
      code: 'asset-version-mismatch',
      category: ErrorCategory.assets,
      title: msg('The Zoom SDK files are from another version'),
      message: msg(str`The files at the asset path are not @zoom/meetingsdk ${BUILTIN_MANIFEST_VERSION}, the version this page runs (its ${VERSION_WITNESS} differs).`),
      hint:
        msg(str`The files at the asset path are not those of @zoom/meetingsdk ${BUILTIN_MANIFEST_VERSION}, which this page runs, and the two must match.`),
      steps: [
        msg(str`Copy dist/lib from the installed @zoom/meetingsdk ${BUILTIN_MANIFEST_VERSION} again after every SDK upgrade (zoom-join/vite does it on build).`),
        msg('Bust any CDN cache in front of it.'),
      ],
      retryable: false,
    });
  }
  return manifest;
}

const checks = new Map<string, Promise<AssetManifest>>();

/**
 * checkAssetPath once per page and lib URL: the preload and the join share one request. A failure is forgotten
 * (so Retry after fixing the server checks again); the abort of one caller does not cancel the shared check.
 */
export function checkAssetPathOnce(libUrl: string, options: CheckAssetPathOptions = {}): Promise<AssetManifest> {
  let check = checks.get(libUrl);
  if (!check) {
    // Bounded: a server that never answers must fail the check (and be asked again on Retry), not hang the join.
    const timeout = AbortSignal.timeout(CHECK_TIMEOUT_MS);
    check = checkAssetPath(libUrl, { fetch: options.fetch, signal: timeout }).catch(
      (error: unknown) => {
        if (!timeout.aborted) throw error;
        throw invalid(libUrl, msg(str`The asset path did not answer within ${CHECK_TIMEOUT_MS / 1000} s.`), TIMED_OUT, error);
      },
    );
    checks.set(libUrl, check);
    const stored = check;
    stored.catch(() => {
      if (checks.get(libUrl) === stored) checks.delete(libUrl);
    });
  }
  return options.signal ? untilAborted(check, options.signal) : check;
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
}
