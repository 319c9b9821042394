/**
 * `zoom-join/vite`: serves the installed `@zoom/meetingsdk/dist` under one prefix in dev and preview (the Client
 * View derives `../ui/` from the lib path, so the whole dist/ goes together), with the MIME types and headers the
 * SDK's WebAssembly and workers need, and copies it into the build output.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
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

/** A connect middleware serving `sdkDist` under `prefix`; exported for servers other than Vite. */
export function zoomSdkAssetsMiddleware(options: { prefix: string; sdkDist: string }) {
  const prefix = options.prefix.replace(/\/+$/, '');
  const root = normalize(options.sdkDist);
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
    const file = normalize(join(root, relative));
    // Never serve anything outside the SDK's dist/ (../ in the URL).
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      answerText(response, 404, `Not found in @zoom/meetingsdk/dist: ${relative}`);
      return;
    }
    const stats = statSync(file);
    response.setHeader('Content-Type', mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream');
    response.setHeader('Content-Length', String(stats.size));
    // The SDK's workers and wasm are fetched from cross-origin-isolated pages too: let them be embedded.
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.setHeader('Access-Control-Allow-Origin', '*');
    // The files are versioned by the SDK version in the installed package; revalidate cheaply.
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.setHeader('Last-Modified', stats.mtime.toUTCString());
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
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
