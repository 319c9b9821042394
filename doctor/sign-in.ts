/**
 * `zoom-join doctor --sign-in`: the sign-in settings checked offline, from the environment variables the
 * reference server reads (server/sign-in/sign-in-env.ts), so a mistake shows here rather than as a failed Zoom
 * sign-in in front of a user. No secret value is ever put in a finding, only its presence, length or size.
 */
import { isLoopbackHost } from '../server/host-names.js';
import { MIN_SESSION_SECRET_LENGTH, SESSION_SECRET_ENV } from '../server/sign-in/session-cookie.js';
import { TOKEN_KEY_ENV } from '../server/sign-in/token-seal.js';
import { SIGN_IN_VARIABLES } from '../server/sign-in/sign-in-env.js';
import { Mark, type Finding, type Section } from './report.js';

/** The scope GET /v2/users/me/token needs (https://developers.zoom.us/docs/meeting-sdk/obf-faq/). */
export const SIGN_IN_SCOPE = 'user:read:token';

/** The reference server's callback route (createZoomSignIn's default basePath "/zoom"). */
const CALLBACK_PATH = '/zoom/callback';
const TOKEN_KEY_BYTES = 32;


/** Names of the variables whose values are secret: the CLI scrubs them from anything it prints. */
export const SIGN_IN_SECRET_VARIABLES = ['ZOOM_OAUTH_CLIENT_SECRET', 'ZOOM_WEBHOOK_SECRET_TOKEN', SESSION_SECRET_ENV, TOKEN_KEY_ENV] as const;

const APP_CREDENTIALS = 'Zoom App Marketplace → Manage → your app → Basic Information → App Credentials';
const KEY_COMMAND = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

type Env = Readonly<Record<string, string | undefined>>;

export function diagnoseSignIn(env: Env): Section {
  const value = (name: string): string => env[name]?.trim() ?? '';
  const findings: Finding[] = [];
  const title = 'Sign in with Zoom';

  if (SIGN_IN_VARIABLES.every((name) => value(name) === '')) {
    findings.push({
      check: 'sign-in-not-configured',
      mark: Mark.problem,
      message: `Sign in with Zoom is not configured: none of ${SIGN_IN_VARIABLES.join(', ')} is set.`,
      hint: "Since 2 March 2026 Zoom lets the Meeting SDK join another account's meeting only with an OBF token or a ZAK, which need a signed-in Zoom user.",
      steps: [
        `Set all six variables where the signature server runs; run zoom-join doctor --sign-in again to check them.`,
        `Your Zoom app needs the scope ${SIGN_IN_SCOPE} (Scopes page) to ask Zoom for those tokens.`,
      ],
    });
    return { title, findings };
  }

  const clientId = value('ZOOM_OAUTH_CLIENT_ID');
  if (clientId === '') {
    findings.push(missing('ZOOM_OAUTH_CLIENT_ID', 'oauth-client-id', `Copy the Client ID from ${APP_CREDENTIALS} into ZOOM_OAUTH_CLIENT_ID.`));
  } else {
    // A Client ID is not secret: it travels in every authorization URL.
    findings.push({ check: 'oauth-client-id', mark: Mark.ok, message: `ZOOM_OAUTH_CLIENT_ID is set (${clientId}).` });
  }

  if (value('ZOOM_OAUTH_CLIENT_SECRET') === '') {
    findings.push(
      missing('ZOOM_OAUTH_CLIENT_SECRET', 'oauth-client-secret', `Copy the Client Secret from ${APP_CREDENTIALS} into ZOOM_OAUTH_CLIENT_SECRET.`),
    );
  } else {
    findings.push({ check: 'oauth-client-secret', mark: Mark.ok, message: 'ZOOM_OAUTH_CLIENT_SECRET is set (not shown).' });
  }

  const sdkKey = value('ZOOM_MEETING_SDK_KEY');
  if (clientId !== '' && sdkKey !== '') {
    // Zoom's "Get credentials" page (https://developers.zoom.us/docs/meeting-sdk/get-credentials/) has one General
    // app whose Client ID and Secret both call the API and sign the Meeting SDK JWT; the OBF token is for the app the
    // user authorized. So the same Client ID in both places is the documented set-up, and two apps are the odd case.
    findings.push(
      sdkKey === clientId
        ? {
            check: 'same-app',
            mark: Mark.ok,
            message: 'ZOOM_OAUTH_CLIENT_ID is the Meeting SDK app (ZOOM_MEETING_SDK_KEY): one app signs users in and signs the joins.',
            hint: 'That is how Zoom describes a General app with Meeting SDK enabled.',
          }
        : {
            check: 'same-app',
            mark: Mark.warning,
            message: 'ZOOM_OAUTH_CLIENT_ID and ZOOM_MEETING_SDK_KEY name two different Zoom apps.',
            hint: 'Zoom documents one General app that both signs users in and has Meeting SDK enabled; an OBF token belongs to the app the user authorized.',
            steps: [
              'If Zoom refuses joins that carry an OBF token, use one app for both: enable Meeting SDK (Features → Embed) on the OAuth app, or add the OAuth settings and scope to the Meeting SDK app.',
            ],
          },
    );
  }

  findings.push(...redirectFindings(value('ZOOM_OAUTH_REDIRECT_URI')));

  findings.push({
    check: 'scope',
    mark: Mark.info,
    message: `The app must have the scope ${SIGN_IN_SCOPE} (this check cannot see it offline).`,
    hint: 'Without it Zoom answers the token request with 400 "does not contain scopes:[user:read:token]" and no user can join.',
    steps: [`Zoom App Marketplace → Manage → your app → Scopes → Add Scopes → ${SIGN_IN_SCOPE}; users who signed in before must sign in again.`],
  });

  if (value('ZOOM_WEBHOOK_SECRET_TOKEN') === '') {
    findings.push(
      missing(
        'ZOOM_WEBHOOK_SECRET_TOKEN',
        'webhook-secret',
        'In your app: Features → Access → Event Subscriptions, add the event "App Deauthorized" (app_deauthorized) with the endpoint https://<your server>/zoom/webhook, and copy the Secret Token into ZOOM_WEBHOOK_SECRET_TOKEN.',
        'Without it the server cannot check that an "app removed" event comes from Zoom, and keeps tokens Zoom expects you to delete.',
      ),
    );
  } else {
    findings.push({ check: 'webhook-secret', mark: Mark.ok, message: 'ZOOM_WEBHOOK_SECRET_TOKEN is set (not shown).' });
  }

  findings.push(sessionSecretFinding(env[SESSION_SECRET_ENV] ?? ''));
  findings.push(tokenKeyFinding(value(TOKEN_KEY_ENV)));

  const attach = value('ZOOM_JOIN_ATTACH');
  if (attach !== '' && attach !== 'obf' && attach !== 'zak') {
    findings.push({
      check: 'attach',
      mark: Mark.problem,
      message: `ZOOM_JOIN_ATTACH is "${attach}"; the server accepts obf or zak and will not start.`,
      steps: ['Set ZOOM_JOIN_ATTACH=obf (join on behalf of the signed-in user, the default) or zak (join as that user), or leave it unset.'],
    });
  }
  for (const name of ['ZOOM_OAUTH_BASE_URL', 'ZOOM_API_BASE_URL']) {
    const base = value(name);
    if (base !== '' && !isHttpsUrl(base)) {
      findings.push({
        check: name === 'ZOOM_OAUTH_BASE_URL' ? 'oauth-base-url' : 'api-base-url',
        mark: Mark.problem,
        message: `${name} is not an https:// URL.`,
        steps: [`Leave ${name} unset for zoom.us, or set it to https://zoomgov.com / https://api.zoomgov.com for Zoom for Government.`],
      });
    }
  }
  return { title, findings };
}

function missing(name: string, check: string, step: string, hint?: string): Finding {
  return {
    check,
    mark: Mark.problem,
    message: `${name} is not set.`,
    ...(hint !== undefined ? { hint } : {}),
    steps: [step],
  };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

function redirectFindings(text: string): Finding[] {
  const check = 'redirect-uri';
  const register = 'Enter the same URL as the OAuth Redirect URL and on the OAuth Allow List of your Zoom app (Basic Information → OAuth Information).';
  if (text === '') {
    return [
      missing('ZOOM_OAUTH_REDIRECT_URI', check, `Set it to your server's callback, e.g. https://auth.example.com${CALLBACK_PATH}. ${register}`),
    ];
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [
      {
        check,
        mark: Mark.problem,
        message: `ZOOM_OAUTH_REDIRECT_URI is not an absolute URL: "${text}".`,
        hint: 'Zoom sends the browser back to exactly this URL after sign-in.',
        steps: [`Write it in full, e.g. https://auth.example.com${CALLBACK_PATH}.`],
      },
    ];
  }
  const findings: Finding[] = [];
  if (url.hash !== '' || text.includes('#')) {
    findings.push({
      check: 'redirect-uri-fragment',
      mark: Mark.problem,
      message: 'ZOOM_OAUTH_REDIRECT_URI has a fragment (#…); a redirect URI may not have one.',
      hint: 'OAuth forbids fragments in redirect URIs (RFC 6749 §3.1.2), so Zoom and the server would not agree on the URL.',
      steps: [`Remove everything from "#" on, here and in your Zoom app.`],
    });
  }
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    findings.push({
      check,
      mark: Mark.warning,
      message: `ZOOM_OAUTH_REDIRECT_URI uses http on this machine (${url.host}): fine for development only.`,
      steps: ['Use an https:// URL wherever people sign in from other machines.'],
    });
  } else if (url.protocol !== 'https:') {
    findings.push({
      check,
      mark: Mark.problem,
      message: `ZOOM_OAUTH_REDIRECT_URI uses ${url.protocol.replace(':', '')}, not https: ${url.origin}.`,
      hint: 'The callback carries the authorization code; over plain http anyone on the way can read it. Only localhost may use http.',
      steps: [`Serve the callback over https and set ZOOM_OAUTH_REDIRECT_URI=https://${url.host}${url.pathname}. ${register}`],
    });
  }
  if (url.pathname !== CALLBACK_PATH) {
    findings.push({
      check: 'redirect-uri-path',
      mark: Mark.warning,
      message: `ZOOM_OAUTH_REDIRECT_URI ends in ${url.pathname}; the reference server answers the callback at ${CALLBACK_PATH}.`,
      steps: [`Use ${url.origin}${CALLBACK_PATH} here and in your Zoom app, unless your own code mounts the sign-in routes elsewhere.`],
    });
  }
  if (!findings.some((finding) => finding.mark === Mark.problem)) {
    findings.unshift({ check, mark: Mark.ok, message: `ZOOM_OAUTH_REDIRECT_URI is ${url.href}.` });
    findings.push({ check: 'redirect-uri-registered', mark: Mark.info, message: register });
  }
  return findings;
}

function sessionSecretFinding(secret: string): Finding {
  const check = 'session-secret';
  const make = `Generate one with ${KEY_COMMAND} and set ${SESSION_SECRET_ENV} to it (the same on every server).`;
  if (secret.trim() === '') return missing(SESSION_SECRET_ENV, check, make, 'It signs the sign-in cookies.');
  if (secret.length < MIN_SESSION_SECRET_LENGTH) {
    return {
      check,
      mark: Mark.problem,
      message: `${SESSION_SECRET_ENV} is ${secret.length} characters; it needs at least ${MIN_SESSION_SECRET_LENGTH}.`,
      hint: 'A short secret can be guessed, and with it anyone can forge a signed-in session. The server refuses to start with it.',
      steps: [make],
    };
  }
  return { check, mark: Mark.ok, message: `${SESSION_SECRET_ENV} is set, ${secret.length} characters (not shown).` };
}

function tokenKeyFinding(text: string): Finding {
  const check = 'token-key';
  const make = `Generate one with ${KEY_COMMAND} and set ${TOKEN_KEY_ENV} to it; every server sharing the token store needs the same key, and a new key signs every user out.`;
  if (text === '') return missing(TOKEN_KEY_ENV, check, make, 'It encrypts the Zoom tokens the server keeps (AES-256-GCM).');
  let bytes: number;
  try {
    // atob, as the server decodes it (server/sign-in/token-seal.ts): the two must agree on what is valid.
    bytes = atob(text).length;
  } catch {
    return {
      check,
      mark: Mark.problem,
      message: `${TOKEN_KEY_ENV} is not base64.`,
      hint: 'The server decodes it as standard base64 (A–Z, a–z, 0–9, +, /, = padding) and will not start.',
      steps: [make],
    };
  }
  if (bytes !== TOKEN_KEY_BYTES) {
    return {
      check,
      mark: Mark.problem,
      message: `${TOKEN_KEY_ENV} decodes to ${bytes} bytes; AES-256-GCM needs exactly ${TOKEN_KEY_BYTES}.`,
      steps: [make],
    };
  }
  return { check, mark: Mark.ok, message: `${TOKEN_KEY_ENV} decodes to ${TOKEN_KEY_BYTES} bytes (not shown).` };
}
