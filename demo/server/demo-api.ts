/**
 * The demo's API, mounted in the Vite dev (and preview) server under /api/:
 *
 * - `GET /api/config` → `{realModeAvailable}`: the only thing the page learns about the credentials.
 * - `/api/signature`: the reference signature server (`createSignatureHandler`) with the Meeting SDK credentials
 *   from the environment, for real mode. 503 when they are missing.
 * - `/api/sim/...`: signature endpoints for the simulated scenarios (see sim-endpoints.ts); the well-behaved ones
 *   are the same reference handler with throwaway demo credentials, so the page's signature check sees real,
 *   well-formed tokens.
 * - `/api/meeting-double/<session>/...`: the meeting mode's doubles, over HTTP (meeting-double-api.ts) and for the
 *   SDK's RWG socket, over WebSocket (rwg-sockets.ts).
 * - `/api/zoom-signature`, `/zoom/*` (sign in with Zoom) and `/zoom-double-oauth/*` (the Zoom OAuth double): the
 *   meeting mode's external meetings (external-meeting.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createSignatureHandler, type SignatureHandler } from '../../server/index.js';
import { AUTHORIZING_USER, createExternalMeeting, EXTERNAL_SIGNER, isExternalMeetingPath, type ExternalMeeting } from './external-meeting.js';
import { meetingDoubleRoutes } from './meeting-double-api.js';
import { AUTHORIZING_USER_NAME } from '../meeting-mode/meeting-setups.js';
import { MeetingSessions } from './meeting-sessions.js';
import { acceptRwgSockets, type UpgradingServer } from './rwg-sockets.js';
import { endpointDown, endpointHtml, endpointTimeout, releaseHangingRequests } from './sim-endpoints.js';

export interface MeetingSdkCredentials {
  sdkKey: string;
  sdkSecret: string;
}

export interface DemoApiOptions {
  /** Real mode is offered only when both are set. */
  credentials?: MeetingSdkCredentials | undefined;
}

/** What the page gets from GET /api/config. Never add anything secret here. */
export interface DemoConfigBody {
  realModeAvailable: boolean;
}

/** The simulated Meeting SDK app. The secret is made up at every start and never leaves this process. */
export const SIM_SDK_KEY = 'demo-sdk-key';
/** Stands in for the credentials of an OAuth app pasted where the Meeting SDK app's belong (→ Zoom's 3712). */
export const SIM_OAUTH_CLIENT_ID = 'demo-oauth-client-id';

type ServerWithUrls = Pick<ViteDevServer | PreviewServer, 'resolvedUrls' | 'config' | 'httpServer' | 'middlewares'>;

/** The origins this server answers on (127.0.0.1 and localhost are different origins to a browser). */
function serverOrigins(server: ServerWithUrls): string[] {
  const urls = [...(server.resolvedUrls?.local ?? []), ...(server.resolvedUrls?.network ?? [])];
  const origins = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url);
    origins.add(parsed.origin);
    if (parsed.hostname === '127.0.0.1') origins.add(`${parsed.protocol}//localhost:${parsed.port}`);
    if (parsed.hostname === 'localhost') origins.add(`${parsed.protocol}//127.0.0.1:${parsed.port}`);
  }
  return [...origins];
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function createDemoApp(options: DemoApiOptions, origins: () => string[], meetings: MeetingSessions, external: ExternalMeeting): Hono {
  const credentials = options.credentials;
  // Created on first use: the allowed origins are known only once the server listens.
  let realHandler: SignatureHandler | undefined;
  const real = (): SignatureHandler | undefined => {
    if (!credentials) return undefined;
    // The dev server listens on loopback for one tester: one shared budget is the intent.
    realHandler ??= createSignatureHandler({ ...credentials, allowedOrigins: origins(), clientKey: () => 'demo' });
    return realHandler;
  };
  let simHandlers: { meetingSdk: SignatureHandler; oauth: SignatureHandler } | undefined;
  const sim = () => {
    simHandlers ??= {
      // No rate limit: QA and the end-to-end tests join many times a minute.
      meetingSdk: createSignatureHandler({
        sdkKey: SIM_SDK_KEY,
        sdkSecret: randomBytes(32).toString('base64url'),
        allowedOrigins: origins(),
        rateLimit: false,
      }),
      oauth: createSignatureHandler({
        sdkKey: SIM_OAUTH_CLIENT_ID,
        sdkSecret: randomBytes(32).toString('base64url'),
        allowedOrigins: origins(),
        rateLimit: false,
      }),
    };
    return simHandlers;
  };

  const app = new Hono();
  app.get('/api/config', () => json(200, { realModeAvailable: credentials !== undefined } satisfies DemoConfigBody));
  app.all('/api/signature', (c) => {
    const handler = real();
    if (handler) return handler(c.req.raw);
    return json(503, {
      error: 'real-mode-unavailable',
      message:
        'Set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET (a Meeting SDK app\'s Client ID and Client Secret) in ' +
        'the environment or in .env, then restart the dev server.',
    });
  });
  app.all('/api/sim/signature', (c) => sim().meetingSdk(c.req.raw));
  app.all('/api/sim/signature-oauth', (c) => sim().oauth(c.req.raw));
  app.all('/api/sim/endpoint-down', () => endpointDown());
  app.all('/api/sim/endpoint-html', () => endpointHtml());
  app.all('/api/sim/endpoint-timeout', (c) => endpointTimeout(c.req.raw));
  app.route('/', meetingDoubleRoutes(meetings));
  const toExternal = async (request: Request): Promise<Response> =>
    (await external.handle(request)) ?? json(404, { error: 'not-found', message: `No route ${new URL(request.url).pathname}` });
  app.all(EXTERNAL_SIGNER, (c) => toExternal(c.req.raw));
  app.all('/zoom/*', (c) => toExternal(c.req.raw));
  app.all('/zoom-double-oauth/*', (c) => toExternal(c.req.raw));
  app.all('/api/*', (c) => json(404, { error: 'not-found', message: `No demo API route ${c.req.path}` }));
  return app;
}

function mount(server: ServerWithUrls, options: DemoApiOptions): void {
  const origins = (): string[] => serverOrigins(server);
  const external = createExternalMeeting({ sdkKey: SIM_SDK_KEY, allowedOrigins: origins });
  const meetings = new MeetingSessions({
    authorization: external.authorization,
    userId: AUTHORIZING_USER.id,
    name: AUTHORIZING_USER_NAME,
  });
  const app = createDemoApp(options, origins, meetings, external);
  // Node req/res ↔ Fetch Request/Response. Vite's own code relies on Node's globals: leave them alone.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    if (!request.url?.startsWith('/api/') && !isExternalMeetingPath(request.url ?? '')) return next();
    listener(request, response).catch(next);
  });
  server.httpServer?.on('close', releaseHangingRequests);
  // Vite's server (http, or https with an HTTP/1.1 fallback) hands out the HTTP/1.1 upgrades a WebSocket needs.
  if (server.httpServer) acceptRwgSockets(server.httpServer as UpgradingServer, meetings);
}

/** Vite plugin: the demo's API routes in dev and preview. Logs which modes are available, never the secret. */
export function demoApi(options: DemoApiOptions = {}): Plugin {
  const announce = (server: ServerWithUrls): void => {
    server.config.logger.info(
      options.credentials
        ? `  zoom-join demo: real mode available (Meeting SDK key ${options.credentials.sdkKey.slice(0, 4)}…), simulated mode too`
        : '  zoom-join demo: simulated mode only — set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET for real mode',
    );
  };
  return {
    name: 'zoom-join:demo-api',
    configureServer(server) {
      mount(server, options);
      server.httpServer?.once('listening', () => announce(server));
    },
    configurePreviewServer(server) {
      mount(server, options);
      server.httpServer.once('listening', () => announce(server));
    },
  };
}
