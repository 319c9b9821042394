import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureErrorCode, errorAnswer, withCommonHeaders } from './answers.js';
import type { RedisCommandClient as RedisTokenClient } from './sign-in/redis-token-store.js';
import type { SignatureHandlerOptions } from './handler.js';
import { isLoopbackHost, normalizeHostName } from './host-names.js';
import { createNodeSignatureListener, refuseSeveralHosts, writeAnswer } from './node-server.js';
import { BoundedRateLimiterMemory, DEFAULT_MAX_TRACKED_CLIENTS } from './bounded-memory-limiter.js';
import { DEFAULT_RATE_LIMIT_POINTS, DEFAULT_RATE_LIMIT_SECONDS } from './rate-limit.js';
import { RedisUrl, connectRedisRateLimit } from './redis-connection.js';
import { MAX_EXPIRATION_SECONDS, MIN_EXPIRATION_SECONDS } from './signature-rules.js';
import { toFetchRequest, writeFetchResponse } from './sign-in/node-bridge.js';
import { createRedisTokenStore } from './sign-in/redis-token-store.js';
import { SIGN_IN_ENV_HELP, readSignInEnv, type SignInEnvConfig } from './sign-in/sign-in-env.js';
import { importTokenKey } from './sign-in/token-seal.js';
import { createMemoryTokenStore } from './sign-in/token-store.js';
import { createZoomSignIn, type ZoomSignIn } from './sign-in/zoom-sign-in.js';

/** The environment variables the server reads (see `readSignatureServerConfig`). */
export type SignatureServerEnv = Readonly<Record<string, string | undefined>>;

/** A setting the operator must fix; its message is meant to be printed as is (it never holds the secret). */
export class SignatureServerConfigError extends Error {
  override readonly name = 'SignatureServerConfigError';
}

export interface SignatureServerConfig {
  sdkKey: string;
  sdkSecret: string;
  allowedOrigins: string[];
  port: number;
  host: string;
  /** Host names the server answers to (DNS-rebinding guard); empty: not enforced. */
  allowedHosts: string[];
  /** ZOOM_JOIN_ALLOW_HOST=1: give role 1 signatures to anyone who asks (only for trusted networks). */
  allowHost: boolean;
  /** Requests a minute per client; 0 turns limiting off (benchmarks). */
  rateLimitPerMinute: number;
  /** Clients the in-memory rate limit tracks at once; beyond it, new clients share one budget. */
  rateLimitMaxClients: number;
  /** Reverse proxies in front; 0 keys the rate limit by socket address. */
  trustProxy: number;
  /** The longest token lifetime a caller may ask for, in seconds. */
  maxExpirationSeconds: number;
  /** Seconds a client has to send its whole request (headers and body) before getting 408. */
  requestTimeoutSeconds: number;
  /** Open connections at most; more are closed at once. */
  maxConnections: number;
  /** ZOOM_JOIN_REDIS_URL: one rate limit (and sign-in token store) for every process using this Redis. Prints without its password. */
  redisUrl: RedisUrl | undefined;
  /** Sign in with Zoom (ZOOM_OAUTH_*), or undefined when off. */
  signIn: SignInEnvConfig | undefined;
}

/** What the running server tells about its sign-in: no secret. */
export interface PublicSignInConfig {
  redirectUri: string;
  attach: 'obf' | 'zak';
  signInUrl: string;
}

const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;
const DEFAULT_MAX_CONNECTIONS = 1024;

export const ENV_HELP = `Environment:
  ZOOM_MEETING_SDK_KEY       Meeting SDK app Client ID (required; not an OAuth app's)
  ZOOM_MEETING_SDK_SECRET    Meeting SDK app Client Secret (required; not an OAuth app's)
  ZOOM_JOIN_ALLOWED_ORIGINS  comma-separated origins whose pages may call the server, e.g. https://example.com
  ZOOM_JOIN_ALLOW_HOST=1     also give host (role 1) signatures; without it only attendee signatures
  ZOOM_JOIN_RATE_LIMIT       requests a minute per client (default ${DEFAULT_RATE_LIMIT_POINTS}; 0 = off)
  ZOOM_JOIN_RATE_LIMIT_MAX_CLIENTS
                             clients the in-memory limit tracks at once (default ${DEFAULT_MAX_TRACKED_CLIENTS}); beyond
                             it, new clients share one budget until windows end
  ZOOM_JOIN_TRUST_PROXY      number of reverse proxies in front (default 0: limit by socket address)
  ZOOM_JOIN_REDIS_URL        redis://[user:password@]host:6379: one rate limit shared by every process using this
                             Redis (needs the ioredis package); while Redis is away each process limits on its own
  ZOOM_JOIN_MAX_EXPIRATION   longest token lifetime a caller may ask for, in seconds (default ${MAX_EXPIRATION_SECONDS})
  PORT                       default 4000
  HOST                       default 127.0.0.1 (any 127.x.x.x, ::1 or localhost counts as loopback)
  ZOOM_JOIN_ALLOWED_HOSTS    comma list of host names the server answers to (besides loopback names when HOST is
                             loopback); requests for any other Host get 403, which stops DNS rebinding. Required
                             when HOST is not loopback, e.g. HOST=0.0.0.0 ZOOM_JOIN_ALLOWED_HOSTS=auth.example.com
  ZOOM_JOIN_REQUEST_TIMEOUT  seconds a client has to send its whole request (default ${DEFAULT_REQUEST_TIMEOUT_SECONDS})
  ZOOM_JOIN_MAX_CONNECTIONS  open connections at most (default ${DEFAULT_MAX_CONNECTIONS})

${SIGN_IN_ENV_HELP}`;

export function readSignatureServerConfig(env: SignatureServerEnv): SignatureServerConfig {
  const host = env.HOST?.trim() || '127.0.0.1';
  const sdkKey = env.ZOOM_MEETING_SDK_KEY?.trim() ?? '';
  const sdkSecret = env.ZOOM_MEETING_SDK_SECRET?.trim() ?? '';
  if (sdkKey === '' || sdkSecret === '') {
    const missing = [sdkKey === '' && 'ZOOM_MEETING_SDK_KEY', sdkSecret === '' && 'ZOOM_MEETING_SDK_SECRET'].filter(Boolean);
    throw new SignatureServerConfigError(
      `Set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET (missing: ${missing.join(', ')}). They are a Meeting SDK ` +
        "app's Client ID and Client Secret, not an OAuth app's (Zoom App Marketplace → Build App → Meeting SDK).",
    );
  }
  return checkConsistent({
    sdkKey,
    sdkSecret,
    allowedOrigins: (env.ZOOM_JOIN_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    port: readInteger(env, 'PORT', 4000, 65535),
    host,
    allowedHosts: allowedHostsFor(host, env.ZOOM_JOIN_ALLOWED_HOSTS),
    allowHost: /^(1|true)$/i.test(env.ZOOM_JOIN_ALLOW_HOST?.trim() ?? ''),
    rateLimitPerMinute: readInteger(env, 'ZOOM_JOIN_RATE_LIMIT', DEFAULT_RATE_LIMIT_POINTS, Number.MAX_SAFE_INTEGER),
    rateLimitMaxClients: readInteger(env, 'ZOOM_JOIN_RATE_LIMIT_MAX_CLIENTS', DEFAULT_MAX_TRACKED_CLIENTS, 100_000_000, 1),
    trustProxy: readInteger(env, 'ZOOM_JOIN_TRUST_PROXY', 0, 100),
    maxExpirationSeconds: readInteger(env, 'ZOOM_JOIN_MAX_EXPIRATION', MAX_EXPIRATION_SECONDS, MAX_EXPIRATION_SECONDS, MIN_EXPIRATION_SECONDS),
    requestTimeoutSeconds: readInteger(env, 'ZOOM_JOIN_REQUEST_TIMEOUT', DEFAULT_REQUEST_TIMEOUT_SECONDS, 300, 1),
    maxConnections: readInteger(env, 'ZOOM_JOIN_MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 1_000_000, 1),
    redisUrl: readRedisUrl(env),
    signIn: readSignInSettings(env),
  });
}

function readSignInSettings(env: SignatureServerEnv): SignInEnvConfig | undefined {
  try {
    return readSignInEnv(env);
  } catch (error) {
    throw new SignatureServerConfigError(error instanceof Error ? error.message : String(error));
  }
}

/** Settings that contradict each other: saying which, rather than quietly ignoring one of them. */
function checkConsistent(config: SignatureServerConfig): SignatureServerConfig {
  if (config.redisUrl && config.rateLimitPerMinute === 0 && !config.signIn) {
    throw new SignatureServerConfigError(
      'ZOOM_JOIN_RATE_LIMIT=0 turns the rate limit off, so there is nothing to share through ZOOM_JOIN_REDIS_URL: ' +
        'unset ZOOM_JOIN_REDIS_URL, or set ZOOM_JOIN_RATE_LIMIT to the requests a minute each client may make.',
    );
  }
  return config;
}

export interface RunningSignatureServer {
  /** e.g. http://127.0.0.1:4000/ — the real port when PORT=0. */
  url: string;
  port: number;
  config: Omit<SignatureServerConfig, 'sdkSecret' | 'signIn'> & { signIn: PublicSignInConfig | undefined };
  /** Stops accepting, lets requests in flight finish (at most a few seconds), then resolves. */
  close(): Promise<void>;
}

const FORCE_CLOSE_AFTER_MS = 3000;

/** The CLI's server, startable in-process (tests use PORT=0). Rejects on bad settings or when the port is taken. */
export async function startSignatureServer(
  env: SignatureServerEnv,
  overrides: Pick<SignatureHandlerOptions, 'onError'> = {},
): Promise<RunningSignatureServer> {
  const config = readSignatureServerConfig(env);
  const limit = { points: config.rateLimitPerMinute, duration: DEFAULT_RATE_LIMIT_SECONDS, maxTrackedClients: config.rateLimitMaxClients };
  const redis = config.redisUrl ? await connectRedisRateLimit(config.redisUrl, limit) : undefined;
  let signIn: ZoomSignIn | undefined;
  try {
    signIn = config.signIn ? await startSignIn(config.signIn, redis?.client, overrides.onError) : undefined;
  } catch (error) {
    redis?.close();
    throw new SignatureServerConfigError(error instanceof Error ? error.message : String(error));
  }
  const handlerOptions: SignatureHandlerOptions = {
    sdkKey: config.sdkKey,
    sdkSecret: config.sdkSecret,
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
    authorize: () => config.allowHost,
    maxExpirationSeconds: config.maxExpirationSeconds,
    rateLimit: limit.points === 0 ? false : (redis?.limiter ?? new BoundedRateLimiterMemory({ points: limit.points, duration: limit.duration, maxKeys: limit.maxTrackedClients })),
    ...overrides,
  };
  if (signIn && config.signIn) {
    handlerOptions.zoomSignIn = signIn;
    handlerOptions.attach = config.signIn.attach;
  }
  const hostNames = new Set(config.allowedHosts.map((name) => normalizeHostName(name)));
  const answersToHost = (incoming: IncomingMessage): boolean => {
    const name = normalizeHostName((incoming.headers.host ?? '').replace(/:\d+$/, ''));
    return name !== undefined && hostNames.has(name);
  };
  // Without it the limit is keyed by socket address.
  if (config.trustProxy > 0) handlerOptions.trustProxy = config.trustProxy;
  let listener: ReturnType<typeof createNodeSignatureListener>;
  try {
    listener = createNodeSignatureListener(handlerOptions);
  } catch (error) {
    redis?.close();
    throw new SignatureServerConfigError(error instanceof Error ? error.message : String(error));
  }

  const timeoutMs = config.requestTimeoutSeconds * 1000;
  const server = createServer(
    {
      // Node's defaults give a stalled client a minute for its headers and five for its body, holding a socket
      // each; a signature request is a few hundred bytes.
      headersTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      // How often those timeouts are checked; the default (30 s) would make a 10 s limit a 40 s one.
      connectionsCheckingInterval: Math.min(1000, timeoutMs),
    },
    (incoming, outgoing) => {
      if (refuseSeveralHosts(incoming, outgoing)) return;
      const path = incoming.url ?? '/';
      if (signIn && (path === signIn.basePath || path.startsWith(`${signIn.basePath}/`) || path.startsWith(`${signIn.basePath}?`))) {
        serveSignIn(signIn, incoming, outgoing, answersToHost(incoming));
        return;
      }
      // Zoom's sample serves POST /; other paths answer 404 instead of silently signing.
      if (path !== '/' && !path.startsWith('/?')) {
        writeAnswer(outgoing, withCommonHeaders(errorAnswer(404, SignatureErrorCode.notFound, 'The signature endpoint is POST /.')));
        return;
      }
      listener(incoming, outgoing);
    },
  );
  server.maxConnections = config.maxConnections;
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch((error: unknown) => {
    redis?.close();
    throw error;
  });

  const { port } = server.address() as AddressInfo;
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const { sdkSecret: _secret, signIn: signInConfig, ...publicConfig } = config;
  const publicSignIn =
    signIn && signInConfig ? { redirectUri: signInConfig.redirectUri, attach: signInConfig.attach, signInUrl: signIn.signInUrl } : undefined;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    config: { ...publicConfig, signIn: publicSignIn },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        redis?.close();
        // Keep-alive sockets would hold close() open until clients hang up.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, FORCE_CLOSE_AFTER_MS);
        force.unref();
      }),
  };
}

async function startSignIn(
  settings: SignInEnvConfig,
  redisClient: RedisTokenClient | undefined,
  onError: SignatureHandlerOptions['onError'],
): Promise<ZoomSignIn> {
  const key = await importTokenKey(settings.tokenKey);
  return createZoomSignIn({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    webhookSecretToken: settings.webhookSecretToken,
    sessionSecret: settings.sessionSecret,
    ...(settings.zoomOAuthBase === undefined ? {} : { zoomOAuthBase: settings.zoomOAuthBase }),
    ...(settings.zoomApiBase === undefined ? {} : { zoomApiBase: settings.zoomApiBase }),
    store: redisClient ? createRedisTokenStore({ client: redisClient, key }) : createMemoryTokenStore({ key }),
    ...(onError ? { onError } : {}),
  });
}

const MAX_SIGN_IN_BODY_BYTES = 64 * 1024;

/** A sign-in route: the Fetch handler behind node:http, under the same Host guard as signatures. */
function serveSignIn(signIn: ZoomSignIn, incoming: IncomingMessage, outgoing: ServerResponse, hostAllowed: boolean): void {
  const refuse = (status: number, code: SignatureErrorCode, message: string): void =>
    writeAnswer(outgoing, withCommonHeaders(errorAnswer(status, code, message)));
  if (!hostAllowed) {
    refuse(403, SignatureErrorCode.hostNotAllowed, 'This server does not answer to that host name.');
    return;
  }
  void (async () => {
    const request = await toFetchRequest(incoming, MAX_SIGN_IN_BODY_BYTES);
    if (!request) {
      refuse(400, SignatureErrorCode.invalidBody, 'The request has no usable Host header, or its body is too large.');
      return;
    }
    const response = await signIn.handle(request);
    if (response) await writeFetchResponse(outgoing, response);
    else refuse(404, SignatureErrorCode.notFound, 'Not found.');
  })().catch(() => {
    if (!outgoing.headersSent) refuse(500, SignatureErrorCode.internal, 'The signature server failed. Its logs have the details.');
    else outgoing.destroy();
  });
}

function readInteger(env: SignatureServerEnv, name: string, fallback: number, max: number, min = 0): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value > max || value < min) {
    throw new SignatureServerConfigError(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

function readRedisUrl(env: SignatureServerEnv): RedisUrl | undefined {
  const text = env.ZOOM_JOIN_REDIS_URL?.trim();
  if (text === undefined || text === '') return undefined;
  const url = RedisUrl.parse(text);
  // The text is not repeated: it may hold a password.
  if (!url) {
    throw new SignatureServerConfigError(
      'ZOOM_JOIN_REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (with ' +
        'user:password@ before the host when Redis asks for them).',
    );
  }
  return url;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * Bound to loopback, the server answers only to loopback names and its own address (plus ZOOM_JOIN_ALLOWED_HOSTS):
 * a page on another domain that resolves to 127.0.0.1 then gets 403. Bound anywhere else, it answers only to the
 * listed names, and refuses to start without them: a guard that switched off silently would hand out signatures
 * to any page that rebinds its domain to this machine.
 */
function allowedHostsFor(host: string, listed: string | undefined): string[] {
  const names: string[] = [];
  for (const entry of (listed ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const name = normalizeHostName(entry);
    if (name === undefined) {
      throw new SignatureServerConfigError(
        `ZOOM_JOIN_ALLOWED_HOSTS: "${entry.trim()}" is not a host name or IP address (leave out scheme and port).`,
      );
    }
    names.push(name);
  }
  if (isLoopbackHost(host)) return [...LOOPBACK_NAMES, host, ...names];
  if (names.length === 0) {
    throw new SignatureServerConfigError(
      `HOST=${host} accepts connections from other machines, so set ZOOM_JOIN_ALLOWED_HOSTS to the host names ` +
        'clients use to reach this server (e.g. ZOOM_JOIN_ALLOWED_HOSTS=auth.example.com). Without it a page on any ' +
        'domain that resolves to this server could get signatures (DNS rebinding).',
    );
  }
  return names;
}
