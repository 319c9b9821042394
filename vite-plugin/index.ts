/**
 * `zoom-join/vite`: serves the installed `@zoom/meetingsdk/dist` under one prefix in dev and preview (the Client
 * View derives `../ui/` from the lib path, so the whole dist/ goes together), with the MIME types and headers the
 * SDK's WebAssembly and workers need, and copies it into the build output.
 */
import { realpathSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative as relativePath, resolve, sep } from 'node:path';
import send from 'send';
import type { Plugin, ResolvedConfig } from 'vite';

export interface ZoomSdkAssetsOptions {
  /** URL prefix the SDK's dist/ is served under. `asset-path` is then `<prefix>/lib`. Default `/zoom-sdk`. */
  prefix?: string;
  /** Send COOP/COEP so the page is cross-origin isolated (SharedArrayBuffer: gallery view, better video). */
  crossOriginIsolation?: boolean;
  /** Folder of the SDK's dist/; found through Node resolution by default. */
  sdkDist?: string;
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
  return join(dirname(require.resolve('@zoom/meetingsdk/package.json')), 'dist');
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

function errorText(status: number, relative: string): string {
  if (status === 404) return `Not found in @zoom/meetingsdk/dist: ${relative}`;
  if (status === 416) return `The requested range is outside @zoom/meetingsdk/dist/${relative}.`;
  if (status === 412) return `Precondition failed for @zoom/meetingsdk/dist/${relative}.`;
  if (status < 500) return `Bad request for @zoom/meetingsdk/dist/${relative}.`;
  return `This server could not read @zoom/meetingsdk/dist/${relative}: check that the user it runs as can read the SDK's files.`;
}

/** A connect middleware serving `sdkDist` under `prefix`; exported for servers other than Vite. */
export function zoomSdkAssetsMiddleware(options: { prefix: string; sdkDist: string }) {
  const prefix = options.prefix.replace(/\/+$/, '');
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
      server.middlewares.use(zoomSdkAssetsMiddleware({ prefix, sdkDist: sdkDist() }));
    },
    configurePreviewServer(server) {
      if (options.crossOriginIsolation) server.middlewares.use(addIsolation);
      server.middlewares.use(zoomSdkAssetsMiddleware({ prefix, sdkDist: sdkDist() }));
    },
    async writeBundle() {
      if (!config) return;
      // resolve, not join: Vite hands outDir over already absolute.
      const target = resolve(config.root, config.build.outDir, prefix.replace(/^\//, ''));
      await cp(sdkDist(), target, { recursive: true });
    },
  };
}

export default zoomSdkAssets;
