import { createSigner, type Signer } from './create-signature.js';

/** Why a handler created without credentials cannot sign; names no secret, so it may be sent to the caller. */
export class MissingCredentialsError extends Error {
  override name = 'MissingCredentialsError';
}

/**
 * The Fetch handler's signer. Missing credentials do not throw here: frameworks import route handlers at build time
 * (`next build`), where the secrets are rightly absent; each signing then throws MissingCredentialsError instead.
 */
export function signerWhenConfigured(sdkKey: string, sdkSecret: string): Signer {
  try {
    return createSigner(sdkKey, sdkSecret);
  } catch (error) {
    // createSigner throws only for missing credentials, always as a TypeError.
    if (!(error instanceof TypeError)) throw error;
    const missing = new MissingCredentialsError(
      `${error.message} Set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET (or whatever this server passes as ` +
        'sdkKey and sdkSecret) where the signature server runs, and restart it.',
    );
    return () => {
      throw missing;
    };
  }
}
