/**
 * A Zoom user's current access token, refreshed ahead of its expiry under the store's per-user lock. Zoom replaces
 * the refresh token on every refresh and the old one stops working, so only one refresh per user may run at a
 * time, anywhere: the next caller re-reads the store inside the lock and finds the fresh token instead of
 * refreshing with the spent one.
 */
import { TokenStoreError, type TokenStore, type ZoomTokens } from './token-store.js';
import { ZoomSignedOutError, type ZoomOAuth } from './zoom-oauth.js';

export type AccessTokenOutcome = { ok: true; accessToken: string } | { ok: false; reason: 'signed-out' };

export interface AccessTokens {
  /**
   * A token valid for at least the margin. `rejected`: an access token Zoom just answered 401 to; it is refreshed
   * even if it looks fresh, unless another caller has already replaced it.
   */
  current(zoomUserId: string, rejected?: string): Promise<AccessTokenOutcome>;
}

const SAVE_ATTEMPTS = 3;
const SAVE_RETRY_MS = 300;

export function createAccessTokens(options: {
  store: TokenStore;
  zoom: ZoomOAuth;
  /** Refresh when less than this is left. Default 60 000 ms. */
  marginMs?: number;
  now?: () => number;
}): AccessTokens {
  const { store, zoom } = options;
  const marginMs = options.marginMs ?? 60_000;
  const now = options.now ?? Date.now;
  const usable = (tokens: ZoomTokens, rejected: string | undefined) =>
    tokens.expiresAt - now() > marginMs && tokens.accessToken !== rejected;
  // Tokens Zoom gave that the store did not take: the old refresh token is spent, so these are the only live ones
  // until the store answers again.
  const unsaved = new Map<string, ZoomTokens>();

  return {
    async current(zoomUserId, rejected) {
      const pending = unsaved.get(zoomUserId);
      if (pending) {
        await store.put(zoomUserId, pending);
        unsaved.delete(zoomUserId);
      }
      // Most calls find a fresh token: no lock needed to read it.
      const seen = await store.get(zoomUserId);
      if (!seen) return { ok: false, reason: 'signed-out' };
      if (usable(seen, rejected)) return { ok: true, accessToken: seen.accessToken };

      return store.withLock(zoomUserId, async (): Promise<AccessTokenOutcome> => {
        const tokens = await store.get(zoomUserId);
        if (!tokens) return { ok: false, reason: 'signed-out' };
        if (usable(tokens, rejected)) return { ok: true, accessToken: tokens.accessToken };
        let fresh: ZoomTokens;
        try {
          fresh = await zoom.refresh(tokens.refreshToken);
        } catch (error) {
          if (!(error instanceof ZoomSignedOutError)) throw error;
          await store.delete(zoomUserId);
          return { ok: false, reason: 'signed-out' };
        }
        try {
          await saveRefreshed(store, zoomUserId, fresh);
        } catch (error) {
          unsaved.set(zoomUserId, fresh);
          throw error;
        }
        return { ok: true, accessToken: fresh.accessToken };
      });
    },
  };
}

/**
 * Once Zoom has refreshed, the old refresh token is spent: the new one must reach the store, so a save that fails
 * is tried again briefly before the error is given up.
 */
async function saveRefreshed(store: TokenStore, zoomUserId: string, tokens: ZoomTokens): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.put(zoomUserId, tokens);
      return;
    } catch (error) {
      if (attempt >= SAVE_ATTEMPTS) {
        throw new TokenStoreError(
          'Zoom refreshed the tokens but the token store did not keep them; this process keeps them and saves them ' +
            'on the next request once the store answers (until then other processes cannot refresh this Zoom user).',
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, SAVE_RETRY_MS * attempt));
    }
  }
}
