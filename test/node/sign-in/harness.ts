// The sign-in suites' world: Zoom is the OAuth double on real HTTP, the app is createZoomSignIn + the signature
// handler on real HTTP, and a browser is a cookie jar that follows redirects by hand (so each hop can be looked at).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startZoomOAuthDouble, type RunningZoomOAuthDouble } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { createSignatureHandler, type SignatureHandlerOptions } from '../../../server/handler.js';
import { createZoomSignIn, type ZoomSignIn, type ZoomSignInOptions } from '../../../server/sign-in/zoom-sign-in.js';

export const CLIENT_ID = 'oauthClientId123';
export const CLIENT_SECRET = 'oauth-CLIENT-secret-456';
export const WEBHOOK_SECRET = 'webhook-SECRET-token-789';
export const SESSION_SECRET = 'session-secret-0123456789abcdef-XYZ';
export const SDK_KEY = 'sdkKeyForSignIn';
export const SDK_SECRET = 'sdk-SECRET-for-sign-in-tests';
export const MEETING = '123456789';

export interface App {
  origin: string;
  signIn: ZoomSignIn;
  zoom: RunningZoomOAuthDouble;
  errors: Error[];
  close(): Promise<void>;
}

export async function startApp(
  options: Partial<ZoomSignInOptions> = {},
  signature: Partial<SignatureHandlerOptions> = {},
  zoom?: RunningZoomOAuthDouble,
): Promise<App> {
  const double =
    zoom ?? (await startZoomOAuthDouble({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhookSecretToken: WEBHOOK_SECRET }));
  let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  const server = serve({ fetch: (request) => handle(request), port: 0, hostname: '127.0.0.1' }) as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const errors: Error[] = [];
  const signIn = createZoomSignIn({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: `${origin}/zoom/callback`,
    webhookSecretToken: WEBHOOK_SECRET,
    sessionSecret: SESSION_SECRET,
    zoomOAuthBase: double.origin,
    zoomApiBase: double.origin,
    onError: (error) => errors.push(error),
    ...options,
  });
  const signatures = createSignatureHandler({
    sdkKey: SDK_KEY,
    sdkSecret: SDK_SECRET,
    rateLimit: false,
    zoomSignIn: signIn,
    onError: (error) => errors.push(error instanceof Error ? error : new Error(String(error))),
    ...signature,
  });
  handle = async (request) => (await signIn.handle(request)) ?? signatures(request);
  return {
    origin,
    signIn,
    zoom: double,
    errors,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!zoom) await double.close();
    },
  };
}

/** Where a browser signs in: the app's origin and its Zoom. */
export type Site = Pick<App, 'origin' | 'zoom'>;

/** A browser: cookies per name (all on one loopback host here), redirects followed by hand. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Sent with every request, e.g. the host app's own session header. */
  readonly headers = new Map<string, string>();

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of this.headers) if (!headers.has(name)) headers.set(name, value);
    if (this.cookies.size > 0 && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GET {origin}/zoom/sign-in…, then Zoom's consent (auto-approved by `user`): the callback URL Zoom sends back. */
  async startSignIn(app: Site, query = '', user?: string): Promise<{ callback: URL; authorize: URL }> {
    const start = await this.request(`${app.origin}/zoom/sign-in${query}`);
    if (start.status !== 302) throw new Error(`sign-in answered ${start.status}: ${await start.text()}`);
    const authorize = new URL(start.headers.get('location') ?? '');
    if (user !== undefined) authorize.searchParams.set('user', user);
    else app.zoom.double.controls.autoApprove();
    const consent = await this.request(authorize);
    if (consent.status !== 302) throw new Error(`Zoom's authorize answered ${consent.status}: ${await consent.text()}`);
    return { callback: new URL(consent.headers.get('location') ?? ''), authorize };
  }

  /** The whole sign-in: the callback's answer. */
  async signIn(app: Site, query = ''): Promise<Response> {
    const { callback } = await this.startSignIn(app, query);
    return this.request(callback);
  }

  async signature(app: Site, meetingNumber = MEETING): Promise<Response> {
    return this.request(`${app.origin}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingNumber, role: 0 }),
    });
  }
}

export async function errorOf(response: Response): Promise<{ code: string; message: string; signInUrl?: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; signInUrl?: string } };
  return body.error;
}
