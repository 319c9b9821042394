/**
 * `zoom-join doctor --asset-path <url> [--page <url>] [--sdk-version <v>]`: the element's own asset check
 * (checkServedSdk: the manifest, and which SDK version its js_media hash is), that version's support, then what only a browser would notice later — MIME types, CORS
 * and CORP on the files the asset plan loads, and the page's cross-origin isolation.
 */
import { describeCapabilities, type Capabilities } from '../src/assets/capabilities.js';
import { checkServedSdk } from '../src/assets/check-asset-path.js';
import type { AssetManifest } from '../src/assets/manifest.js';
import { planAssets, type PlannedAsset } from '../src/assets/plan.js';
import { isZoomJoinError } from '../src/zoom-join-error.js';
import { allowsOrigin } from './endpoint.js';
import { Mark, type Finding, type Section } from './report.js';
import { sdkVersionFindings } from './sdk-version.js';
import { timeoutSignal } from './timeout.js';

export interface AssetPathOptions {
  /** Absolute URL of the served `dist/lib` folder. */
  assetPath: string;
  /** The page that embeds the element: its origin decides CORS, its headers cross-origin isolation. */
  page?: string;
  /** The page's origin when there is no page URL to read. */
  origin?: string;
  /** The element's `sdk-version`, for a version it does not recognise from the files. */
  sdkVersion?: string;
  timeoutMs?: number;
}

interface PageIsolation {
  isolated: boolean;
}

const JS_MIME = /^(text|application)\/(x-)?(javascript|ecmascript)\b/i;
const SERVE_LIB = 'Serve node_modules/@zoom/meetingsdk/dist/lib of the installed @zoom/meetingsdk as static files.';

export async function diagnoseAssetPath(options: AssetPathOptions): Promise<Section[]> {
  const libUrl = options.assetPath.trim().replace(/\/+$/, '');
  const libOrigin = new URL(libUrl).origin;
  const pageOrigin = options.page ? new URL(options.page).origin : options.origin;
  const crossOrigin = pageOrigin !== undefined && pageOrigin !== libOrigin;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sections: Section[] = [];

  let isolation: PageIsolation = { isolated: false };
  if (options.page) {
    const page = await diagnosePage(options.page, timeoutMs);
    sections.push(page.section);
    isolation = page.isolation;
  }

  const findings: Finding[] = [];
  sections.unshift({ title: `Asset path ${libUrl}${pageOrigin ? ` (page origin ${pageOrigin})` : ''}`, findings });
  if (pageOrigin === undefined) {
    findings.push({
      check: 'page-origin',
      mark: Mark.info,
      message: 'No --page or --origin given: the files are checked as if the page had the same origin.',
    });
  }

  let manifestAnswer: Response | undefined;
  const asPage = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (crossOrigin && pageOrigin) headers.set('origin', pageOrigin);
    manifestAnswer = await fetch(new Request(request, { headers }));
    return manifestAnswer;
  };
  let manifest: AssetManifest;
  let version: string;
  try {
    ({ manifest, version } = await checkServedSdk(libUrl, { fetch: asPage, signal: timeoutSignal(timeoutMs), sdkVersion: options.sdkVersion }));
  } catch (error) {
    if (isTimeout(error)) {
      findings.push({
        check: 'asset-path-timeout',
        mark: Mark.problem,
        message: `av/manifest.json did not arrive within ${timeoutMs} ms.`,
        hint: 'The element would report that the asset path did not answer.',
        steps: ['Check that the server at the asset path is running and answers.', SERVE_LIB],
      });
      return sections;
    }
    if (!isZoomJoinError(error)) throw error;
    findings.push({ check: error.code, mark: Mark.problem, message: error.message, hint: error.hint, steps: [...error.steps] });
    return sections;
  }
  findings.push({
    check: 'manifest',
    mark: Mark.ok,
    message: options.sdkVersion === undefined || options.sdkVersion !== version
      ? `av/manifest.json is @zoom/meetingsdk ${version}'s (recognised by its js_media.min.js hash).`
      : `av/manifest.json is taken as @zoom/meetingsdk ${version}'s, as --sdk-version says.`,
  });
  findings.push(...sdkVersionFindings(version, `served at ${libUrl}`));
  if (crossOrigin && pageOrigin && manifestAnswer && !allowsOrigin(manifestAnswer, pageOrigin)) {
    findings.push(corsMissing('av/manifest.json', manifestAnswer, pageOrigin));
  }

  // The files a join really loads on a desktop Chromium with this page's isolation, as the element plans them.
  const plan = planAssets({ view: 'component', capabilities: desktopChromium(isolation.isolated), manifest, sdkVersion: version });
  const samples = [
    plan.files.find((file) => file.request === 'script'),
    plan.files.find((file) => file.kind === 'js' && file.request === 'fetch'),
    plan.files.find((file) => file.kind === 'wasm'),
  ].filter((file): file is PlannedAsset => file !== undefined);
  for (const file of samples) {
    findings.push(...(await checkFile(`${libUrl}/av/${file.path}`, file, { crossOrigin, pageOrigin, isolation, timeoutMs })));
  }
  return sections;
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}

interface FileContext {
  crossOrigin: boolean;
  pageOrigin: string | undefined;
  isolation: PageIsolation;
  timeoutMs: number;
}

async function checkFile(url: string, file: PlannedAsset, context: FileContext): Promise<Finding[]> {
  const name = `av/${file.path}`;
  const headers: Record<string, string> = {};
  if (context.crossOrigin && context.pageOrigin) headers['origin'] = context.pageOrigin;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: timeoutSignal(context.timeoutMs) });
    // Only the headers matter; the megabytes of a wasm file do not.
    await response.body?.cancel();
  } catch (error) {
    return [{ check: 'asset-file', mark: Mark.problem, message: `${name} could not be fetched: ${error instanceof Error ? error.message : String(error)}.`, steps: [SERVE_LIB] }];
  }
  if (!response.ok) {
    return [{ check: 'asset-file', mark: Mark.problem, message: `${name} answered HTTP ${response.status}.`, hint: 'The SDK needs every file its manifest lists.', steps: [SERVE_LIB] }];
  }
  const findings: Finding[] = [];
  const type = (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim() ?? '';
  const shownType = type === '' ? 'no Content-Type' : `Content-Type ${type}`;
  if (/html/i.test(type)) {
    findings.push({
      check: 'asset-mime',
      mark: Mark.problem,
      message: `${name} is answered with an HTML page (${shownType}).`,
      hint: "A single-page-app fallback or a login page answers for the SDK's files.",
      steps: [SERVE_LIB, 'Exclude the asset path from the fallback route.'],
    });
  } else if (file.kind === 'wasm' && type.toLowerCase() !== 'application/wasm') {
    findings.push({
      check: 'wasm-mime',
      mark: Mark.problem,
      message: `${name} is served with ${shownType}, not application/wasm.`,
      hint: 'Browsers refuse to compile streamed WebAssembly of another type, and the meeting fails with 3635 after joining.',
      steps: ['Serve .wasm files as application/wasm (nginx: types { application/wasm wasm; }).'],
    });
  } else if (file.kind === 'js' && !JS_MIME.test(type)) {
    const nosniff = /nosniff/i.test(response.headers.get('x-content-type-options') ?? '');
    findings.push({
      check: 'js-mime',
      mark: nosniff ? Mark.problem : Mark.warning,
      message: `${name} is served with ${shownType}, not text/javascript${nosniff ? ', with X-Content-Type-Options: nosniff' : ''}.`,
      hint: nosniff ? 'With nosniff, browsers refuse to run a script of another type.' : 'Browsers that enforce script types refuse it.',
      steps: ['Serve .js files as text/javascript.'],
    });
  } else {
    findings.push({ check: `${file.kind}-mime`, mark: Mark.ok, message: `${name} is served as ${type}.` });
  }
  findings.push(...crossOriginFindings(name, file, response, context));
  return findings;
}

function crossOriginFindings(name: string, file: PlannedAsset, response: Response, context: FileContext): Finding[] {
  const { pageOrigin } = context;
  if (!context.crossOrigin || pageOrigin === undefined) return [];
  const cors = allowsOrigin(response, pageOrigin);
  // The SDK fetches workers and wasm (CORS), and on an isolated page also loads its scripts with crossorigin.
  if (file.request === 'fetch' || context.isolation.isolated) {
    if (!cors) {
      const corp = (response.headers.get('cross-origin-resource-policy') ?? '').toLowerCase();
      // A no-cors script on a require-corp page may pass on CORP alone.
      if (!(file.request === 'script' && corp === 'cross-origin')) return [corsMissing(name, response, pageOrigin)];
    }
    return [{ check: 'asset-cors', mark: Mark.ok, message: `${name} may be read by a page on ${pageOrigin}.` }];
  }
  const corp = (response.headers.get('cross-origin-resource-policy') ?? '').toLowerCase();
  if (corp === 'same-origin' || (corp === 'same-site' && !sameSite(new URL(response.url).hostname, new URL(pageOrigin).hostname))) {
    return [
      {
        check: 'asset-corp',
        mark: Mark.problem,
        message: `${name} sends Cross-Origin-Resource-Policy: ${corp}, so a page on ${pageOrigin} cannot load it.`,
        steps: ['Send Cross-Origin-Resource-Policy: cross-origin on the asset path, or none.'],
      },
    ];
  }
  return [{ check: 'asset-corp', mark: Mark.ok, message: `${name} may be loaded as a script by a page on ${pageOrigin}.` }];
}

function corsMissing(name: string, response: Response, origin: string): Finding {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  return {
    check: 'asset-cors',
    mark: Mark.problem,
    message: `${name} carries ${allowOrigin === null ? 'no Access-Control-Allow-Origin' : `Access-Control-Allow-Origin "${allowOrigin}"`}, so a page on ${origin} cannot read it.`,
    hint: 'The SDK fetches its manifest, workers and wasm with CORS; without it the join fails with 5001 or 3635.',
    steps: [`Send Access-Control-Allow-Origin: ${origin} (or *) from the asset path.`, 'Or serve the files from the page\'s own origin.'],
  };
}

/** Same registrable domain, roughly: the last two labels (good enough for a warning; no public-suffix list here). */
function sameSite(a: string, b: string): boolean {
  const tail = (host: string) => host.split('.').slice(-2).join('.');
  return tail(a) === tail(b);
}

async function diagnosePage(page: string, timeoutMs: number): Promise<{ section: Section; isolation: PageIsolation }> {
  const findings: Finding[] = [];
  const section: Section = { title: `Page ${page}`, findings };
  let response: Response;
  try {
    response = await fetch(page, { signal: timeoutSignal(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    findings.push({ check: 'page', mark: Mark.problem, message: `The page could not be fetched: ${error instanceof Error ? error.message : String(error)}.` });
    return { section, isolation: { isolated: false } };
  }
  if (!response.ok) findings.push({ check: 'page', mark: Mark.problem, message: `The page answered HTTP ${response.status}.` });
  const coop = (response.headers.get('cross-origin-opener-policy') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const coep = (response.headers.get('cross-origin-embedder-policy') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const isolated = coop === 'same-origin' && (coep === 'require-corp' || coep === 'credentialless');
  const headers = `Cross-Origin-Opener-Policy: ${coop || '(none)'}, Cross-Origin-Embedder-Policy: ${coep || '(none)'}`;
  findings.push(
    isolated
      ? { check: 'isolation', mark: Mark.ok, message: `The page is cross-origin isolated (${headers}).`, hint: 'Every file it loads from another origin must allow it (CORS or Cross-Origin-Resource-Policy).' }
      : {
          check: 'isolation',
          mark: Mark.warning,
          message: `The page is not cross-origin isolated (${headers}); joining works, with fewer features.`,
          steps: ['For every feature, send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp with the page.'],
        },
  );
  const detail = describeCapabilities(desktopChromium(isolated));
  for (const [feature, state] of Object.entries(detail.features)) {
    findings.push({
      check: `feature-${feature}`,
      mark: Mark.info,
      message: `${FEATURE_NAMES[feature] ?? feature}: ${state.enabled ? 'on' : 'off'}${state.reason ? ` (${state.reason})` : ''}.`,
    });
  }
  section.details = { coop, coep, crossOriginIsolated: isolated, videoWebRtcMode: detail.videoWebRtcMode };
  return { section, isolation: { isolated } };
}

const FEATURE_NAMES: Record<string, string> = {
  screenShare: 'Screen sharing',
  galleryView: 'Gallery view',
  virtualBackground: 'Virtual background',
  hd720p: '720p video',
  noiseSuppression: 'Noise suppression',
  multithreadedWasm: 'Multithreaded WebAssembly',
};

/** A current desktop Chrome: the browser most joins come from, so the plan names the files most users load. */
function desktopChromium(isolated: boolean): Capabilities {
  return {
    wasmSimd: true,
    wasmThreads: true,
    sharedArrayBuffer: isolated,
    crossOriginIsolated: isolated,
    chromiumVersion: 130,
    android: false,
    offscreenCanvas: true,
    hardwareConcurrency: 8,
    saveData: false,
    device: 'desktop',
    displayMedia: true,
  };
}
