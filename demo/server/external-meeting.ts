/**
 * The meeting mode's "external meeting" setups: a meeting of another Zoom account, which Zoom lets the SDK join only
 * with an OBF token of a signed-in Zoom user who is in the meeting. Everything real but Zoom itself:
 *
 * - `/zoom-double-oauth/...`: the Zoom OAuth/token API double (its consent page, /oauth/token, /v2/users/me/token),
 *   standing in for zoom.us and api.zoom.us.
 * - `/zoom/sign-in`, `/zoom/callback`, `/zoom/sign-out`, `/zoom/webhook`: the library's `createZoomSignIn`.
 * - `/api/zoom-signature`: the library's `createSignatureHandler({zoomSignIn, attach: 'obf'})`.
 *
 * The meeting double checks each token with the OAuth double that issued it. Every secret (the OAuth app's, the
 * session's, the webhook's, the Meeting SDK's) is made up at start and never leaves this process.
 */
import { randomBytes } from 'node:crypto';
import { createMemoryTokenStore, createSignatureHandler, createZoomSignIn, type SignatureHandler, type ZoomSignIn } from '../../server/index.js';
import type { MeetingAuthorization } from '../meeting-double/meeting-double.js';
import { EXTERNAL_SIGNER, SIGN_IN_BASE } from '../meeting-mode/meeting-api.js';
import { createZoomOAuthDouble, DEFAULT_USER, type ZoomOAuthDouble } from '../zoom-oauth-double/zoom-oauth-double.js';

export const OAUTH_DOUBLE_PREFIX = '/zoom-double-oauth';
export { EXTERNAL_SIGNER };
/** The Zoom user who signs in on the double's consent page (its first user), and who authorises the join. */
export const AUTHORIZING_USER = DEFAULT_USER;

const secret = (): string => randomBytes(32).toString('base64url');

/** Does `path` belong to the external meeting's routes (the dev server hands them to `handle`)? */
export function isExternalMeetingPath(path: string): boolean {
  const pathname = path.split('?')[0] ?? '';
  return [OAUTH_DOUBLE_PREFIX, SIGN_IN_BASE].some((base) => pathname === base || pathname.startsWith(`${base}/`));
}

export interface ExternalMeeting {
  readonly oauthDouble: ZoomOAuthDouble;
  /** The meeting double's token check: OBF tokens and ZAKs the OAuth double issued, of the kind the join says. */
  readonly authorization: MeetingAuthorization;
  /** The answer for one of the external meeting's routes, or null when `request` is for another path. */
  handle(request: Request): Promise<Response | null>;
}

export function createExternalMeeting(options: { sdkKey: string; allowedOrigins: () => string[] }): ExternalMeeting {
  const oauthApp = { clientId: 'demo-oauth-app', clientSecret: secret() };
  const webhookSecretToken = secret();
  const oauthDouble = createZoomOAuthDouble({ ...oauthApp, webhookSecretToken, pathPrefix: OAUTH_DOUBLE_PREFIX });
  // One token store for every origin the dev server answers on; one sign-in per origin, since the redirect URI (and
  // so the session cookie's origin) must be the page's own: 127.0.0.1 and localhost do not share cookies.
  const store = createMemoryTokenStore();
  const sessionSecret = secret();
  const sdkSecret = secret();
  const perOrigin = new Map<string, { signIn: ZoomSignIn; signer: SignatureHandler }>();
  const forOrigin = (origin: string): { signIn: ZoomSignIn; signer: SignatureHandler } => {
    let made = perOrigin.get(origin);
    if (!made) {
      const zoomBase = `${origin}${OAUTH_DOUBLE_PREFIX}/`;
      const signIn = createZoomSignIn({
        ...oauthApp,
        redirectUri: `${origin}${SIGN_IN_BASE}/callback`,
        webhookSecretToken,
        sessionSecret,
        zoomOAuthBase: zoomBase,
        zoomApiBase: zoomBase,
        store,
        basePath: SIGN_IN_BASE,
        // The server's calls to "Zoom" stay in this process: the double answers them directly.
        fetch: (input, init) => oauthDouble.fetch(new Request(input, init)),
      });
      const signer = createSignatureHandler({
        sdkKey: options.sdkKey,
        sdkSecret,
        allowedOrigins: options.allowedOrigins(),
        // QA and the end-to-end tests join many times a minute.
        rateLimit: false,
        zoomSignIn: signIn,
        attach: 'obf',
      });
      made = { signIn, signer };
      perOrigin.set(origin, made);
    }
    return made;
  };

  const authorization: MeetingAuthorization = {
    verify(kind, token) {
      const info = oauthDouble.verifyIssuedToken(token);
      if (!info || info.kind !== kind) return null;
      return { userId: info.userId, expired: info.expired, ...(info.meetingNumber === undefined ? {} : { meetingNumber: info.meetingNumber }) };
    },
  };

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.pathname === OAUTH_DOUBLE_PREFIX || url.pathname.startsWith(`${OAUTH_DOUBLE_PREFIX}/`)) return oauthDouble.fetch(request);
    // Only the origins this server answers on: a made-up Host header must not make a sign-in of its own.
    if (!options.allowedOrigins().includes(url.origin)) {
      return Response.json({ error: { code: 'host-not-allowed', message: 'This dev server does not answer to that host name.' } }, { status: 403 });
    }
    const { signIn, signer } = forOrigin(url.origin);
    if (url.pathname === EXTERNAL_SIGNER) return signer(request);
    return signIn.handle(request);
  }

  return { oauthDouble, authorization, handle };
}
