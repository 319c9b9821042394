/**
 * Tokens at rest: each stored record is AES-256-GCM encrypted with a key only the servers hold, so a copy of the
 * store (a Redis dump, a replica, a backup) gives nobody a Zoom user's refresh token. WebCrypto only: runs wherever
 * the Fetch handler does.
 */

/** A setting the operator must fix; the message never holds the key. */
export class SignInConfigError extends Error {
  override readonly name = 'SignInConfigError';
}

export const TOKEN_KEY_ENV = 'ZOOM_JOIN_TOKEN_KEY';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

const KEY_HELP =
  `${TOKEN_KEY_ENV} must be 32 random bytes in base64, e.g. the output of ` +
  `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))". Every server sharing a token ` +
  'store needs the same key; a new key signs every Zoom user out.';

/** The AES-GCM key from its base64 text (32 bytes). Throws SignInConfigError when it is anything else. */
export async function importTokenKey(base64: string | undefined): Promise<CryptoKey> {
  const text = base64?.trim() ?? '';
  if (text === '') throw new SignInConfigError(`Set ${TOKEN_KEY_ENV}. ${KEY_HELP}`);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(text);
  } catch {
    throw new SignInConfigError(`${TOKEN_KEY_ENV} is not base64. ${KEY_HELP}`);
  }
  if (bytes.length !== KEY_BYTES) {
    throw new SignInConfigError(`${TOKEN_KEY_ENV} is ${bytes.length} bytes, not ${KEY_BYTES}. ${KEY_HELP}`);
  }
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A fresh random key, for a store that lives only in this process's memory. */
export function generateTokenKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * `plain` encrypted under `key`, bound to `context` (the record's key): a record copied under another user's key
 * does not open.
 */
export async function seal(key: CryptoKey, context: string, plain: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(context) },
    key,
    utf8(plain),
  );
  return `${VERSION}.${toBase64(iv)}.${toBase64(new Uint8Array(cipher))}`;
}

/** The plain text, or undefined when the record was sealed with another key or context, or altered. */
export async function unseal(key: CryptoKey, context: string, sealed: string): Promise<string | undefined> {
  const [version, iv, cipher, extra] = sealed.split('.');
  if (version !== VERSION || iv === undefined || cipher === undefined || extra !== undefined) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(iv), additionalData: utf8(context) },
      key,
      fromBase64(cipher),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
