/**
 * A plain static file server for the drop-in page test: no bundler, no transforms, no module resolution — what a
 * CDN or `python -m http.server` would do. Serves the repository root, and `/sdk/` from @zoom/meetingsdk's dist/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve as resolvePath, sep } from 'node:path';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.bin': 'application/octet-stream',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  /** URL prefix → folder, e.g. `{'/sdk/': '<@zoom/meetingsdk>/dist'}`. */
  mounts?: Record<string, string>;
  /** Extra headers for HTML documents (a Content-Security-Policy, COOP/COEP). */
  documentHeaders?: Record<string, string>;
  /** Extra headers for every other file (e.g. Cross-Origin-Resource-Policy). */
  assetHeaders?: Record<string, string>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const requests: string[] = [];
  const mounts = Object.entries(options.mounts ?? {});
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    requests.push(pathname);
    const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
    const base = resolvePath(mount ? mount[1] : options.root);
    let relative: string;
    try {
      relative = decodeURIComponent(mount ? pathname.slice(mount[0].length) : pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad path');
      return;
    }
    const file = normalize(join(base, relative));
    if ((file !== base && !file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const extension = extname(file);
    response.writeHead(200, {
      'content-type': mimeTypes[extension] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
      ...(extension === '.html' ? options.documentHeaders : options.assetHeaders),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
