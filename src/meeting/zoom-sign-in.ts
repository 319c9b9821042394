/**
 * "Sign in with Zoom", as the signature endpoint asks for it: opens Zoom's sign-in (a popup, or this tab with a way
 * back) and tells the join when the visitor is back, so it goes on without a second click.
 */

/** What the signature server's sign-in page says once the visitor has signed in. */
export const SIGNED_IN_MESSAGE = 'zoom-join:signed-in';
/** The channel that page also says it on, for when Zoom's pages cut the popup off from its opener. */
export const SIGN_IN_CHANNEL = 'zoom-join:sign-in';

export type SignInMode = 'popup' | 'redirect';

/** How often a popup is checked for having been closed (the visitor may close it without signing in). */
const POPUP_CHECK_MS = 500;

/**
 * One wait for a sign-in. `done` resolves when the sign-in page says so (postMessage to its opener, or a
 * BroadcastChannel when the server is this page's origin), or when the popup closes: then the join asks the endpoint
 * again, which either signs this time or asks for a sign-in again.
 */
export class ZoomSignIn {
  readonly done: Promise<void>;
  private finish!: () => void;
  private popupTimer?: ReturnType<typeof setInterval>;
  private readonly origin: string;
  private readonly channel?: BroadcastChannel;

  constructor(
    readonly url: string,
    /** Called before this tab goes to Zoom, so the join goes on when it is back. */
    private readonly beforeRedirect: () => void,
    signal: AbortSignal,
  ) {
    this.origin = new URL(url).origin;
    this.done = new Promise<void>((resolve, reject) => {
      const stop = (): void => {
        window.removeEventListener('message', this.onMessage);
        this.channel?.close();
        clearInterval(this.popupTimer);
      };
      this.finish = () => {
        stop();
        resolve();
      };
      signal.addEventListener(
        'abort',
        () => {
          stop();
          reject(signal.reason);
        },
        { once: true },
      );
    });
    window.addEventListener('message', this.onMessage);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(SIGN_IN_CHANNEL);
      this.channel.onmessage = (event: MessageEvent) => {
        if (isSignedIn(event.data)) this.finish();
      };
    }
  }

  /**
   * Opens the sign-in; call it from the click (a popup needs the user's gesture). A blocked popup falls back to
   * this tab, which then joins by itself once Zoom sends it back.
   */
  open(mode: SignInMode): void {
    if (mode === 'popup') {
      const popup = window.open(withQuery(this.url, { popup: '1' }), 'zoom-join-sign-in', 'popup,width=520,height=720');
      if (popup) {
        clearInterval(this.popupTimer);
        this.popupTimer = setInterval(() => {
          if (popup.closed) this.finish();
        }, POPUP_CHECK_MS);
        return;
      }
    }
    this.beforeRedirect();
    window.location.assign(withQuery(this.url, { return: returnTo(this.url, window.location) }));
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (event.origin === this.origin && isSignedIn(event.data)) this.finish();
  };
}

/**
 * Where the sign-in should send this tab back: the sign-in's server returns only to paths of its own site, so this
 * page's path when it is that site, else the whole URL (for a server set up to return to other sites).
 */
export function returnTo(signInUrl: string, here: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash' | 'href'>): string {
  return new URL(signInUrl).origin === here.origin ? `${here.pathname}${here.search}${here.hash}` : here.href;
}

function isSignedIn(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SIGNED_IN_MESSAGE;
}

function withQuery(url: string, params: Record<string, string>): string {
  const result = new URL(url);
  for (const [name, value] of Object.entries(params)) result.searchParams.set(name, value);
  return result.href;
}
