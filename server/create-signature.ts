import { SignJWT } from 'jose';
import {
  CLOCK_SKEW_SECONDS,
  DEFAULT_EXPIRATION_SECONDS,
  EXPIRATION_RULE,
  MEETING_NUMBER_RULE,
  isValidExpiration,
  normalizeMeetingNumber,
  type SignatureRole,
} from './signature-rules.js';

/**
 * Said wherever credentials are missing: signing with an OAuth or Server-to-Server OAuth app's credentials is the
 * most common cause of Zoom's error 3712, and the JWT looks fine until Zoom rejects it.
 */
export const MEETING_SDK_CREDENTIALS_HINT =
  "sdkKey and sdkSecret are a Meeting SDK app's Client ID and Client Secret (Zoom App Marketplace → Build App → " +
  "Meeting SDK), not an OAuth or Server-to-Server OAuth app's";

/** What one signature is for; the credentials are given once, to `createSigner`. */
export interface SignatureParams {
  /** Digits, as a number or a string with spaces or dashes between groups ("123 4567 8901"). */
  meetingNumber: string | number;
  /** 0 joins as attendee, 1 as host (host also needs a ZAK). */
  role: SignatureRole;
  /** `exp − iat`; 1800 to 172800, default 7200. */
  expirationSeconds?: number;
  /** 1 lets gallery view work without SharedArrayBuffer. Left out of the token when not given. */
  videoWebRtcMode?: 0 | 1;
  /** The current time in seconds since the epoch; tests pin it, everyone else leaves it out. */
  now?: number;
}

export interface CreateSignatureOptions extends SignatureParams {
  sdkKey: string;
  sdkSecret: string;
}

/**
 * The payload Zoom's Meeting SDK reads. The Client ID goes in `appKey` only: the SDK has required `appKey` since
 * 5.0, and the Component View warns on every join about an `sdkKey` claim ("will be deprecated in the signature").
 */
export interface SignatureClaims {
  appKey: string;
  mn: string;
  role: SignatureRole;
  iat: number;
  exp: number;
  tokenExp: number;
  video_webrtc_mode?: 0 | 1;
}

/** Signs one request's claims; synchronous where the runtime's HMAC is (node:crypto), a promise with WebCrypto. */
export type Signer = (params: SignatureParams) => string | Promise<string>;

/**
 * Checks the credentials once and keeps the imported HMAC key, so a server signing many tokens does not import
 * the secret again for each one.
 */
export function createSigner(sdkKey: string, sdkSecret: string): (params: SignatureParams) => Promise<string> {
  assertCredentials(sdkKey, sdkSecret);
  let key: Promise<CryptoKey> | undefined;
  return async (params) => {
    const claims = buildClaims(sdkKey, params);
    key ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(sdkSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await key);
  };
}

/** One Meeting SDK signature (HS256 JWT). Throws `TypeError`/`RangeError` for input Zoom would reject. */
export function createSignature(options: CreateSignatureOptions): Promise<string> {
  const { sdkKey, sdkSecret, ...params } = options;
  return createSigner(sdkKey, sdkSecret)(params);
}

export function buildClaims(sdkKey: string, params: SignatureParams): SignatureClaims {
  const mn = normalizeMeetingNumber(params.meetingNumber);
  if (mn === undefined) throw new RangeError(MEETING_NUMBER_RULE);
  if (params.role !== 0 && params.role !== 1) throw new RangeError('role must be 0 (attendee) or 1 (host)');
  const expirationSeconds = params.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (!isValidExpiration(expirationSeconds)) throw new RangeError(EXPIRATION_RULE);
  const { videoWebRtcMode } = params;
  if (videoWebRtcMode !== undefined && videoWebRtcMode !== 0 && videoWebRtcMode !== 1) {
    throw new RangeError('videoWebRtcMode must be 0 or 1');
  }
  const now = params.now ?? Date.now() / 1000;
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite number of seconds');

  const iat = Math.floor(now) - CLOCK_SKEW_SECONDS;
  const exp = iat + expirationSeconds;
  const claims: SignatureClaims = { appKey: sdkKey, mn, role: params.role, iat, exp, tokenExp: exp };
  if (videoWebRtcMode !== undefined) claims.video_webrtc_mode = videoWebRtcMode;
  return claims;
}

export function assertCredentials(sdkKey: unknown, sdkSecret: unknown): void {
  const missing = [
    typeof sdkKey === 'string' && sdkKey.trim() !== '' ? undefined : 'sdkKey',
    typeof sdkSecret === 'string' && sdkSecret.trim() !== '' ? undefined : 'sdkSecret',
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new TypeError(`Missing ${missing.join(' and ')}: ${MEETING_SDK_CREDENTIALS_HINT}.`);
  }
}
