// Local servers the doctor tests run against: a static host for the installed SDK's dist/lib (correct or broken in
// the ways real hosts are), a page with or without COOP/COEP, and the CLI as a real process.
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SDK_LIB = join(REPO, 'node_modules/@zoom/meetingsdk/dist/lib');

export interface Running {
  url: string;
  close(): Promise<void>;
}

export async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Running> {
  const server: Server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.html': 'text/html',
};

export interface LibHostOptions {
  /** Content-Type per extension, over the correct ones. */
  types?: Record<string, string>;
  /** Answer unknown paths with 200 and an HTML page, as a single-page app's fallback does. */
  htmlFallback?: boolean;
  /** Serve this instead of the real av/manifest.json. */
  manifest?: unknown;
  /** Extra headers on every file (CORS, CORP). */
  headers?: OutgoingHttpHeaders;
}

/** Serves the installed SDK's dist/lib under /lib/. */
export function libHost(options: LibHostOptions = {}): Promise<Running> {
  return listen((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const headers = { ...options.headers };
    if (path === '/lib/av/manifest.json' && options.manifest !== undefined) {
      response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(options.manifest));
      return;
    }
    const file = path.startsWith('/lib/') ? normalize(join(SDK_LIB, path.slice('/lib/'.length))) : undefined;
    if (file && file.startsWith(SDK_LIB) && isFile(file)) {
      const ext = extname(file);
      const type = options.types?.[ext] ?? TYPES[ext] ?? 'application/octet-stream';
      response.writeHead(200, { ...headers, 'content-type': type, 'content-length': statSync(file).size });
      createReadStream(file).pipe(response);
      return;
    }
    if (options.htmlFallback) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><div id="app"></div></body></html>');
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The real manifest with js_media's hash changed, as another SDK version's would be. */
export function otherVersionManifest(): Record<string, { hash: string; size: number }> {
  const manifest = JSON.parse(readFileSync(join(SDK_LIB, 'av/manifest.json'), 'utf8')) as Record<string, { hash: string; size: number }>;
  const jsMedia = manifest['js_media.min.js'];
  if (!jsMedia) throw new Error('the installed manifest lists no js_media.min.js');
  return { ...manifest, 'js_media.min.js': { ...jsMedia, hash: 'a'.repeat(64) } };
}

/** A page answering "/" with the given headers (COOP/COEP). */
export function pageHost(headers: OutgoingHttpHeaders = {}): Promise<Running> {
  return listen((_request, response) => {
    response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html><zoom-join></zoom-join>');
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: a separate process, with only the environment given here. */
export function runCli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> {
  const base: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('ZOOM_')) base[name] = value;
  const child = spawn(process.execPath, ['--import', 'tsx', 'doctor/cli.ts', ...args], { cwd: REPO, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
