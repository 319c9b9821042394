/** The CLI's sign-in settings from the environment: all or nothing, so a half-configured sign-in fails at start. */
import { SESSION_SECRET_ENV } from './session-cookie.js';
import { SignInConfigError, TOKEN_KEY_ENV } from './token-seal.js';

export interface SignInEnvConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  webhookSecretToken: string;
  sessionSecret: string;
  /** Base64 text; imported at start (importTokenKey). */
  tokenKey: string;
  zoomOAuthBase: string | undefined;
  zoomApiBase: string | undefined;
  attach: 'obf' | 'zak';
}

export const SIGN_IN_ENV_HELP = `Sign in with Zoom (needed since March 2026 to join other accounts' meetings; all of the first six, or none):
  ZOOM_OAUTH_CLIENT_ID       the Client ID of the General app (Meeting SDK on, scope user:read:token): usually the
                             same app that signs, since Zoom ties an OBF token to the app the user authorised
  ZOOM_OAUTH_CLIENT_SECRET   that app's Client Secret
  ZOOM_OAUTH_REDIRECT_URI    its Redirect URL, ending in /zoom/callback, e.g. https://auth.example.com/zoom/callback
  ZOOM_WEBHOOK_SECRET_TOKEN  the Secret Token of its event subscription (app_deauthorized → POST /zoom/webhook)
  ${SESSION_SECRET_ENV}   at least 32 random characters; signs the sign-in cookies
  ${TOKEN_KEY_ENV}        32 random bytes in base64; encrypts the stored Zoom tokens (same on every process)
  ZOOM_OAUTH_BASE_URL        default https://zoom.us (Zoom for Government: https://zoomgov.com)
  ZOOM_API_BASE_URL          default https://api.zoom.us (Zoom for Government: https://api.zoomgov.com)
  ZOOM_JOIN_ATTACH           obf (default: an OBF token for the meeting) or zak (join as the signed-in user)
  With ZOOM_JOIN_REDIS_URL the Zoom tokens are kept in Redis and shared by every process.`;

/** The variables a sign-in needs: all of them, or none. */
export const SIGN_IN_VARIABLES = [
  'ZOOM_OAUTH_CLIENT_ID',
  'ZOOM_OAUTH_CLIENT_SECRET',
  'ZOOM_OAUTH_REDIRECT_URI',
  'ZOOM_WEBHOOK_SECRET_TOKEN',
  SESSION_SECRET_ENV,
  TOKEN_KEY_ENV,
] as const;

/** undefined when no sign-in variable is set. Throws SignInConfigError naming what is missing or wrong. */
export function readSignInEnv(env: Readonly<Record<string, string | undefined>>): SignInEnvConfig | undefined {
  const value = (name: string): string => env[name]?.trim() ?? '';
  if (SIGN_IN_VARIABLES.every((name) => value(name) === '')) return undefined;
  const missing = SIGN_IN_VARIABLES.filter((name) => value(name) === '');
  if (missing.length > 0) {
    throw new SignInConfigError(`Sign in with Zoom needs all of ${SIGN_IN_VARIABLES.join(', ')}; missing: ${missing.join(', ')}.`);
  }
  const attach = value('ZOOM_JOIN_ATTACH') || 'obf';
  if (attach !== 'obf' && attach !== 'zak') throw new SignInConfigError(`ZOOM_JOIN_ATTACH must be obf or zak, not "${attach}".`);
  return {
    clientId: value('ZOOM_OAUTH_CLIENT_ID'),
    clientSecret: value('ZOOM_OAUTH_CLIENT_SECRET'),
    redirectUri: value('ZOOM_OAUTH_REDIRECT_URI'),
    webhookSecretToken: value('ZOOM_WEBHOOK_SECRET_TOKEN'),
    // Not trimmed: a secret is taken exactly as given.
    sessionSecret: env[SESSION_SECRET_ENV] ?? '',
    tokenKey: value(TOKEN_KEY_ENV),
    zoomOAuthBase: value('ZOOM_OAUTH_BASE_URL') || undefined,
    zoomApiBase: value('ZOOM_API_BASE_URL') || undefined,
    attach,
  };
}
