/**
 * zoom-join/server: a reference Meeting SDK signature endpoint, and sign in with Zoom for the OBF token or ZAK a join
 * to another account's meeting needs. Runtime-neutral (Fetch API only), so it can be
 * mounted in Node, Hono, Next.js, Workers, Deno or Bun. The Node CLI lives in `cli.ts` and is not exported here,
 * so importing this module never pulls in node:http.
 */
export {
  createSignature,
  MEETING_SDK_CREDENTIALS_HINT,
  type CreateSignatureOptions,
  type SignatureClaims,
  type SignatureParams,
} from './create-signature.js';
export { createSignatureHandler, type SignatureHandler, type SignatureHandlerOptions } from './handler.js';
export {
  SignatureErrorCode,
  type SignatureErrorBody,
  type SignatureSuccessBody,
} from './answers.js';
export { rateLimitKeyOf, type RateLimiter, type RateLimitOptions } from './rate-limit.js';
export { BoundedRateLimiterMemory, DEFAULT_MAX_TRACKED_CLIENTS, OVERFLOW_RATE_LIMIT_KEY, type BoundedMemoryOptions } from './bounded-memory-limiter.js';
export {
  createRedisRateLimiter,
  REDIS_CLIENT_OPTIONS,
  type RedisClientLike,
  type RedisRateLimiterOptions,
} from './redis-rate-limit.js';
export type { SignatureRequestParams } from './request-schema.js';
export {
  DEFAULT_EXPIRATION_SECONDS,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
  type SignatureRole,
} from './signature-rules.js';
export {
  createZoomSignIn,
  type ZoomSignIn,
  type ZoomSignInOptions,
  type ZoomUserTokenOutcome,
} from './sign-in/zoom-sign-in.js';
export {
  ZoomOAuthError,
  ZoomSignedOutError,
  type ZoomOAuthOptions,
  type ZoomTokenKind,
} from './sign-in/zoom-oauth.js';
export {
  createMemoryTokenStore,
  TokenStoreError,
  type MemoryTokenStoreOptions,
  type TokenStore,
  type ZoomTokens,
} from './sign-in/token-store.js';
export {
  createRedisTokenStore,
  type RedisCommandClient,
  type RedisTokenStoreOptions,
} from './sign-in/redis-token-store.js';
export { importTokenKey, SignInConfigError, TOKEN_KEY_ENV } from './sign-in/token-seal.js';
export { SESSION_SECRET_ENV } from './sign-in/session-cookie.js';
export { checkZoomWebhook, type WebhookCheck } from './sign-in/webhook.js';
