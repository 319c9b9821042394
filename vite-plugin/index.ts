/**
 * `zoom-join/vite`: serves the files of the installed `@zoom/meetingsdk/dist` that the chosen SDK views load, under
 * one prefix in dev and preview (keeping dist/'s layout: the SDK derives `../ui/`, `lib/av/`, ... from the lib
 * path), with the MIME types and headers the SDK's WebAssembly and workers need, and copies the same files into the
 * build output.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative as relativePath, resolve, sep } from 'node:path';
import send from 'send';
import type { Plugin, ResolvedConfig } from 'vite';
import { isSupportedSdkVersion, SDK_VERSION, SDK_VERSION_RANGE } from '../src/sdk/version.js';
import { sdkVersionOfDist, sdkViewFiles, type SdkViewName } from '../src/sdk/view-files.js';

export type { SdkViewName };

/** Both views, the element's (`view` attribute) default and the other: a page may use either. */
export const ALL_SDK_VIEWS: readonly SdkViewName[] = ['component', 'client'];

export interface ZoomSdkAssetsOptions {
  /** URL prefix the SDK's dist/ is served under. `asset-path` is then `<prefix>/lib`. Default `/zoom-sdk`. */
  prefix?: string;
  /** Send COOP/COEP so the page is cross-origin isolated (SharedArrayBuffer: gallery view, better video). */
  crossOriginIsolation?: boolean;
  /** Folder of the SDK's dist/; found through Node resolution by default. */
  sdkDist?: string;
  /**
   * The SDK views your pages use (`<zoom-join view>`): only the files these load are served and copied. Default
   * both; `['component']` when no page sets `view="client"` copies about a third less (see docs/deployment.md).
   */
  views?: readonly SdkViewName[];
}

const mimeTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.bin': 'application/octet-stream',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function findSdkDist(from = process.cwd()): string {
  const require = createRequire(join(from, 'package.json'));
  try {
    return join(dirname(require.resolve('@zoom/meetingsdk/package.json')), 'dist');
  } catch (cause) {
    throw new Error(
      `zoom-join/vite: @zoom/meetingsdk is not installed for ${from}. Install it (npm install @zoom/meetingsdk@${SDK_VERSION}), or pass its dist/ folder as zoomSdkAssets({ sdkDist }).`,
      { cause },
    );
  }
}

type Next = (error?: unknown) => void;

export function isolationHeaders(): Record<string, string> {
  return { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
}

/** A short plain-text answer: nothing about this server (no stack, no paths), nothing a browser may sniff as HTML. */
function answerText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(text);
}

/** Headers send() sets for a file, which must not describe an error answer sent instead. */
const fileHeaders = ['Content-Length', 'Content-Range', 'Accept-Ranges', 'ETag', 'Last-Modified', 'Cache-Control'];

/** A name the SDK never ships and a server must not serve: `.env`, `.git/`, `..`. */
const isDotSegment = (segment: string): boolean => segment.startsWith('.');

/**
 * The real path of `relative` under `root` (itself a real path), or undefined when it is not a file of the folder:
 * missing, a directory, a dotfile, or a symlink that leads out of it.
 */
function fileInside(root: string, relative: string): string | undefined {
  if (relative === '' || relative.split('/').some(isDotSegment)) return undefined;
  let real: string;
  try {
    real = realpathSync(join(root, relative));
  } catch {
    return undefined;
  }
  const inside = relativePath(root, real);
  if (inside === '' || inside.startsWith(`..${sep}`) || isAbsolute(inside) || inside.split(sep).some(isDotSegment)) return undefined;
  try {
    return statSync(real).isFile() ? inside : undefined;
  } catch {
    return undefined;
  }
}

function checkViews(views: readonly SdkViewName[]): readonly SdkViewName[] {
  const unknown = views.filter((view) => !ALL_SDK_VIEWS.includes(view));
  if (views.length === 0 || unknown.length > 0) {
    throw new TypeError(
      `zoomSdkAssets({ views }): list the views your pages use, 'component' and/or 'client'${unknown.length > 0 ? ` (got ${unknown.map(String).join(', ')})` : ' (got none)'}.`,
    );
  }
  return views;
}

/** Every file under `dir`, relative to it with `/`, skipping dotfiles (the middleware never serves them). */
function listFiles(dir: string, under = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(dir, path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * The files of the SDK's dist/ (relative, with `/`) that `views` load: the scripts the element loads and the folders
 * the SDK loads from, the media engine as its `lib/av/manifest.json` lists it (src/sdk/view-files.ts).
 */
export function sdkAssetFiles(views: readonly SdkViewName[] = ALL_SDK_VIEWS, sdkDist: string = findSdkDist()): string[] {
  const root = resolve(sdkDist);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'lib', 'av', 'manifest.json'), 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    // Without it the media engine's files are unknown: copying none would break every join in production.
    throw new Error(`zoom-join/vite: ${join(root, 'lib', 'av', 'manifest.json')} could not be read; reinstall @zoom/meetingsdk.`, { cause });
  }
  const files = listFiles(root);
  return sdkViewFiles(checkViews(views), files, Object.keys(manifest), installedSdkVersion(root, files));
}

/** An installed SDK outside SDK_VERSION_RANGE; its message names no path, so a server may answer with it. */
export class UnsupportedSdkVersionError extends Error {}

/**
 * The version of the SDK in `sdkDist`, read from its files (undefined when none names it: the files are then chosen
 * for the newest tested version). Throws when it is outside the versions zoom-join supports: the element could not
 * run it.
 */
export function installedSdkVersion(sdkDist: string = findSdkDist(), files: readonly string[] = listFiles(resolve(sdkDist))): string | undefined {
  const version = sdkVersionOfDist(files);
  if (version !== undefined && !isSupportedSdkVersion(version)) {
    throw new UnsupportedSdkVersionError(
      `zoom-join/vite: @zoom/meetingsdk ${version} is outside the versions zoom-join supports (${SDK_VERSION_RANGE}). ` +
        `Install one of them (npm install @zoom/meetingsdk@${SDK_VERSION}).`,
    );
  }
  return version;
}

function errorText(status: number, relative: string): string {
  if (status === 404) return `Not found in @zoom/meetingsdk/dist: ${relative}`;
  if (status === 416) return `The requested range is outside @zoom/meetingsdk/dist/${relative}.`;
  if (status === 412) return `Precondition failed for @zoom/meetingsdk/dist/${relative}.`;
  if (status < 500) return `Bad request for @zoom/meetingsdk/dist/${relative}.`;
  return `This server could not read @zoom/meetingsdk/dist/${relative}: check that the user it runs as can read the SDK's files.`;
}

/**
 * Why a file of dist/ is not served: the views it belongs to, and what to change, for the developer reading the
 * 404 in the network panel.
 */
function notChosenText(relative: string, views: readonly SdkViewName[], sdkDist: string): string {
  const others = ALL_SDK_VIEWS.filter((view) => !views.includes(view) && sdkAssetFiles([view], sdkDist).includes(relative));
  if (others.length === 0) return `Not found in @zoom/meetingsdk/dist: ${relative} (no SDK view loads it).`;
  return (
    `Not served: ${relative} is loaded by the ${others.join(' and ')} view, and this server serves the files of the ` +
    `${views.join(' and ')} view only. If a page uses view="${others[0]}", add '${others[0]}' to zoomSdkAssets({ views }).`
  );
}

/**
 * A connect middleware serving, under `prefix`, the files of `sdkDist` that `views` load (default both); exported
 * for servers other than Vite.
 */
export function zoomSdkAssetsMiddleware(options: { prefix: string; sdkDist: string; views?: readonly SdkViewName[] }) {
  const prefix = options.prefix.replace(/\/+$/, '');
  const views = checkViews(options.views ?? ALL_SDK_VIEWS);
  // Listed on the first request, not at start-up: a server starts as fast as before, and an SDK installed after it
  // started is still found.
  let served: Set<string> | undefined;
  // Resolved once it exists: a trailing slash, a relative path or a symlinked node_modules (pnpm, npm link) all name
  // the same folder, and containment is checked between real paths.
  let root: string | undefined;
  const realRoot = (): string | undefined => {
    try {
      root ??= realpathSync(resolve(options.sdkDist));
    } catch {
      // Not there (yet): every request answers 404 until it is.
    }
    return root;
  };
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const url = URL.parse(request.url ?? '/', 'http://localhost');
    if (!url?.pathname.startsWith(`${prefix}/`) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(prefix.length + 1));
    } catch {
      // A thrown URIError would reach the dev server's error page: a 500 with a stack and absolute paths.
      answerText(response, 400, 'Bad request: the path is not valid percent-encoding.');
      return;
    }
    const base = realRoot();
    const inside = base === undefined ? undefined : fileInside(base, relative);
    if (base === undefined || inside === undefined) {
      answerText(response, 404, `Not found in @zoom/meetingsdk/dist: ${relative}`);
      return;
    }
    // The same files the build copies: a page that needs one the build leaves out fails in dev, not in production.
    try {
      served ??= new Set(sdkAssetFiles(views, base));
    } catch (error) {
      if (error instanceof UnsupportedSdkVersionError) {
        answerText(response, 500, error.message);
        return;
      }
      // A thrown error would end the process of a plain Node server; the message names a path, so it stays here.
      answerText(response, 500, "This server's copy of @zoom/meetingsdk is incomplete (no lib/av/manifest.json): reinstall @zoom/meetingsdk.");
      return;
    }
    const insidePosix = inside.split(sep).join('/');
    if (!served.has(insidePosix)) {
      answerText(response, 404, notChosenText(insidePosix, views, base));
      return;
    }
    // send() does what a static file needs and is easy to get wrong by hand: conditional requests (304), single
    // ranges (206/416), and closing the file when the client goes away or the read fails.
    const file = send(request, `/${inside.split(sep).map(encodeURIComponent).join('/')}`, {
      root: base,
      dotfiles: 'deny',
      index: false,
      // The files are versioned by the SDK version in the installed package; revalidate cheaply.
      maxAge: 3600_000,
    });
    file.on('headers', (res: ServerResponse, path: string) => {
      res.setHeader('Content-Type', mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream');
      // The SDK's workers and wasm are fetched from cross-origin-isolated pages too: let them be embedded.
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Access-Control-Allow-Origin', '*');
    });
    file.on('error', (error: { status?: number; headers?: Record<string, string> }) => {
      // Mid-body, the only honest answer left is a cut connection: the client sees an incomplete download.
      if (response.headersSent) {
        response.destroy();
        return;
      }
      for (const name of fileHeaders) response.removeHeader(name);
      // send() passes the headers its error answers need (Content-Range with a 416).
      for (const [name, value] of Object.entries(error.headers ?? {})) response.setHeader(name, value);
      const status = error.status ?? 500;
      answerText(response, status, errorText(status, relative));
    });
    file.pipe(response);
  };
}

export function zoomSdkAssets(options: ZoomSdkAssetsOptions = {}): Plugin {
  const prefix = (options.prefix ?? '/zoom-sdk').replace(/\/+$/, '');
  const views = checkViews(options.views ?? ALL_SDK_VIEWS);
  let config: ResolvedConfig | undefined;
  const sdkDist = (): string => options.sdkDist ?? findSdkDist(config?.root);
  const addIsolation = (_request: IncomingMessage, response: ServerResponse, next: Next): void => {
    for (const [name, value] of Object.entries(isolationHeaders())) response.setHeader(name, value);
    next();
  };
  return {
    name: 'zoom-join:sdk-assets',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      if (options.crossOriginIsolation) server.middlewares.use(addIsolation);
      server.middlewares.use(zoomSdkAssetsMiddleware({ prefix, sdkDist: sdkDist(), views }));
    },
    configurePreviewServer(server) {
      if (options.crossOriginIsolation) server.middlewares.use(addIsolation);
      server.middlewares.use(zoomSdkAssetsMiddleware({ prefix, sdkDist: sdkDist(), views }));
    },
    async writeBundle() {
      if (!config) return;
      const from = resolve(sdkDist());
      // resolve, not join: Vite hands outDir over already absolute.
      const target = resolve(config.root, config.build.outDir, prefix.replace(/^\//, ''));
      const files = sdkAssetFiles(views, from);
      for (const file of files) {
        await mkdir(dirname(join(target, file)), { recursive: true });
        await copyFile(join(from, file), join(target, file));
      }
      const figures = (list: readonly string[]): string =>
        `${list.length} files, ${(list.reduce((sum, file) => sum + statSync(join(from, file)).size, 0) / 1e6).toFixed(1)} MB`;
      // Both views is the safe default; say what the smaller choice would save, where the person who can make it looks.
      const hint = views.length > 1
        ? `; if no page uses view="client", zoomSdkAssets({ views: ['component'] }) copies ${figures(sdkAssetFiles(['component'], from))}`
        : '';
      config.logger.info(`zoom-join/vite: copied the SDK files of the ${views.join(' and ')} view${views.length > 1 ? 's' : ''} to ${prefix}/ (${figures(files)})${hint}.`);
    },
  };
}

export default zoomSdkAssets;
