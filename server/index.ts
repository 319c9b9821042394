/**
 * zoom-join/server: a reference Meeting SDK signature endpoint. Runtime-neutral (Fetch API only), so it can be
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
