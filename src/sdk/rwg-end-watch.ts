/**
 * Why Zoom's meeting server put the user out, read from the SDK's own socket in its frame: the Client View's
 * listeners tell only "the meeting ended" (`onMeetingStatus 3`), the same for the host ending it and for the Zoom user
 * an OBF token joined on behalf of leaving, while the server's end message (7939) carries the reason.
 */

/** The meeting server's "you are out of the meeting" message. */
const END_MESSAGE = 7939;
/** Its reason when the user an OBF token joined on behalf of left (the SDK's KickedDueToMasterLeave; Zoom's 4019). */
export const END_REASON_AUTHORIZED_USER_LEFT = 21;

type SocketRealm = Window & { WebSocket: typeof WebSocket };

/**
 * Has every socket the realm opens from now on tell `onEnd` the reason of a 7939 it receives. Only text frames that
 * name the message are parsed; the SDK's own handling is untouched.
 */
export function watchMeetingEndReasons(realm: Window, onEnd: (reason: number) => void): void {
  const socketRealm = realm as SocketRealm;
  const Native = socketRealm.WebSocket;
  const marker = `"evt":${END_MESSAGE}`;
  const read = ({ data }: MessageEvent<unknown>): void => {
    if (typeof data !== 'string' || !data.includes(marker)) return;
    try {
      const { evt, body } = JSON.parse(data) as { evt?: unknown; body?: { reason?: unknown } };
      if (evt === END_MESSAGE && typeof body?.reason === 'number') onEnd(body.reason);
    } catch {
      // Not the message after all.
    }
  };
  socketRealm.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', read);
    }
  };
}
