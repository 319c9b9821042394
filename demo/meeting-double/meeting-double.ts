/**
 * A double of Zoom's meeting service past the join web service: what the Meeting SDK 6.2.0 (both views) talks to
 * once `wc/info` says yes. Used by the browser tests, the e2e suites and the benches through Playwright routing
 * (route-playwright.ts); it knows nothing of Playwright itself, only HTTP requests and text sockets.
 *
 * The conversation, as the SDK's bundles have it (zoomus-websdk-embedded.umd.min.js, zoom-meeting-6.2.0.min.js):
 * 1. `POST https://zoom.us/api/v1/wc/info` → `{status:true, errorCode:0, result:{mid, auth, tid, track_auth, ts,
 *    encryptedRWC: JSON text {<rwc host>: <token>}, sign, …}}`. The Client View decodes `result.sign` as a JWT and
 *    calls `.find` on the parsed `call_out_country_json`; every `*_json` field is JSON text.
 * 2. `GET https://<rwc host>/wc/ping/<meeting number>` → `{rwg: <rwg host>, rwcAuth}`.
 * 3. `wss://<rwg host>/wc/api/<meeting number>?dn2=…`: JSON text frames `{evt, body, seq}`. The RWG greets with
 *    `{evt:0, seq:0}` and `{evt:0, body:{status:'READY', conID}}`; the SDK answers with its launch parameters (4301);
 *    the join answer is 4098 (`res:0`, the user's ids and role). Both views speak this alike.
 * 4. In the meeting: the roster (7937, `{add, remove, update}`, each a list or null: the Client View reads all
 *    three), the meeting's end (7939 `{reason}`: 7 kicked by host, 8 ended by host), keep-alives (`{evt:0, seq}`,
 *    answered, or the SDK fails over after ~30 s), and the SDK's leave (4103).
 * 5. The waiting room: after the join answer, `{evt:7942, body:{bHold:true, bInitial:true}}` and the user's own roster
 *    entry with `bHold:true` hold the user; the host admits them with `7939 {reason:5 (Reconnect), subReason:1
 *    (WaitingRoomFailover)}` and a closed socket, the reconnection being answered as a normal join (the Client View's
 *    UI leaves its waiting page only this way).
 * 6. A meeting not started: wc/info answers `{status:true, result:{…, rsRes:{status:false, errorCode:3008}}}`.
 * 7. A webinar: wc/info `isWebinar:'1'`; an attendee joins with role 8 (the SDK's ViewOnly) in the join answer and
 *    the roster, over the same conversation.
 * 8. A socket the server closes makes the SDK fail over: `POST https://zoom.us/wc/refresh_tokens` → `{status:true,
 *    result: JSON text {auth, trackAuth, tid, ts, encryptedRWC}}`, a new ping and a new socket, answered as in 3.
 * 9. A meeting hosted by another account (`authorization`): both views send an OBF token as 4301's `obfToken`, or else
 *    a ZAK as 4301's `zak` (wc/info carries them too: the Component View a ZAK as `ztk`/`zsk` and no OBF token, the
 *    Client View `zak`, `zsk` and `obfToken` fields, empty when unset). Zoom refuses in the join answer: 4098 `res`
 *    13296 (the SDKs report 4012), 13299 (4014), 13300 (4015), 103041 (4017). The authorising user leaving ends the
 *    meeting for the user they let in: 7939 `{reason: 21}` (KickedDueToMasterLeave; the SDKs say 4019).
 */
import { asJsonp, jsonpCallbackOf, requestFields } from '../zoom-double/jsonp.js';

export const RWC_HOST = 'rwc.meeting-double.zoom.us';
export const RWG_HOST = 'rwg.meeting-double.zoom.us';

/** RWG message numbers (the SDK's own names in comments). */
export const RwgEvent = {
  /** Greeting and keep-alive. */
  keepAlive: 0,
  /** WS_CONF_JOIN_RES: the join answer. */
  joinAnswer: 4098,
  /** WS_CONF_END_REQ: the host ends the meeting for everyone. */
  endRequest: 4101,
  /** WS_CONF_LEAVE_REQ: the SDK leaves. */
  leave: 4103,
  /** WS_CONF_LAUNCH_PARAMS_REQ: the SDK's join parameters, sent when the RWG is READY. */
  launchParameters: 4301,
  /** WS_CONF_ROSTER_INDICATION: participants added, removed, updated. */
  roster: 7937,
  /** WS_CONF_HOLD_CHANGE_INDICATION: the user is held in (or let out of) the waiting room. */
  holdChange: 7942,
  /** WS_CONF_END_INDICATION: the meeting ended for this user, with a reason. */
  end: 7939,
} as const;

/** Why the RWG ends the meeting for this user (the SDK's own enum of 7939 reasons). */
export const EndReason = { reconnect: 5, kickedByHost: 7, endedByHost: 8, authorizingUserLeft: 21 } as const;

/**
 * The join answer's (4098) `res` when Zoom refuses a join to another account's meeting, and the code both SDKs turn
 * it into (their own tables: `nP` in the Component View's bundle, the `n_` export in the Client View's).
 */
export const AuthorizationRefusal = {
  /** 13296 → 4012: no OBF token and no ZAK. */
  anonymous: 13296,
  /** 13299 → 4014: the token is unknown or expired. */
  tokenInvalid: 13299,
  /** 13300 → 4015: the OBF token was issued for another meeting. */
  meetingMismatch: 13300,
  /** 103041 → 4017: the OBF token's user is not in the meeting. */
  authorizingUserAbsent: 103041,
} as const;

/** The kind of token a join to another account's meeting carries. */
export type AuthorizationKind = 'obf' | 'zak';

/** What a token says once verified: whose it is, the meeting it was issued for (OBF), and whether it expired. */
export interface AuthorizationGrant {
  userId: string;
  meetingNumber?: string;
  expired: boolean;
}

/** Zoom's token service as the double asks it (injected: a double of Zoom's OAuth/token API provides one). */
export interface MeetingAuthorization {
  verify(kind: AuthorizationKind, token: string): AuthorizationGrant | null;
}

/** Where a join's token was seen and of which kind ('none': the field was absent or empty). Never the value. */
export interface TokenSighting {
  at: 'wc/info' | 'launch';
  kind: AuthorizationKind | 'none';
}

/** 7939's `subReason` with reason 5: reconnect because the user was let out of the waiting room. */
export const WAITING_ROOM_FAILOVER = 1;

export interface RwgMessage {
  evt: number;
  body?: Record<string, unknown>;
  seq?: number;
}

/** One participant as the double keeps it; `role` 1 is the host. */
export interface DoubleParticipant {
  id: number;
  name: string;
  role: 0 | 1;
}

/** An HTTP request the SDK made to a Zoom host, as the double needs it. */
export interface DoubleRequest {
  url: string;
  method: string;
  postData: string | null;
}

export interface DoubleResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The RWG socket as the double drives it (route-playwright.ts adapts Playwright's WebSocketRoute). */
export interface DoubleSocket {
  readonly url: string;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onMessage(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
}

export interface MeetingDoubleOptions {
  /** The page's origin: Zoom's answers allow it, with credentials (the SDK's requests are `crossDomain`). */
  origin: string;
  topic?: string;
  /** The joining user's id in the meeting (Zoom's user ids are multiples of 1024 plus a small number). */
  userId?: number;
  /** The host is already in the meeting (the roster lists them after the join answer). */
  hostName?: string;
  /** The joining user's role: 1 makes them the host (who may end the meeting). */
  userRole?: 0 | 1;
  /** The host holds joining users in the waiting room until `admit()`. */
  waitingRoom?: boolean;
  /** The meeting has not started: wc/info says so (3008) until `startMeeting()`. */
  notStarted?: boolean;
  /** A webinar, the user one of its attendees. */
  webinar?: boolean;
  /**
   * The meeting belongs to another account: a join needs an OBF token whose user is in the meeting, or a ZAK, each
   * checked by `verify`. Unset, every join is let in as before.
   */
  authorization?: MeetingAuthorization;
  /** Users (by id) already in the meeting who may authorise OBF joins. */
  authorizingUsers?: readonly string[];
}

/** What the double has seen and done, for tests to assert on. */
export interface MeetingDoubleRecord {
  /** Every RWG message the SDK sent, by number, keep-alives excepted. */
  sent: number[];
  /** Every RWG message the double answered with, by number, keep-alives excepted (4098: the join answer). */
  answered: number[];
  sockets: number;
  refreshes: number;
  participants: DoubleParticipant[];
  /** The tokens each join carried, by kind only. */
  tokens: TokenSighting[];
  /** The join answers' refusals (4098 `res`), in order. */
  refusals: number[];
}

const FIRST_USER_ID = 16_778_240;
/** The SDK's role for a webinar attendee (its `ViewOnly`). */
const VIEW_ONLY_ROLE = 8;

/** Base64 of UTF-8 text, in Node and in a browser alike (display names travel this way as `dn2`). */
const b64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

function jsonHeaders(origin: string): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'cache-control': 'no-store',
  };
}

function rosterEntry(participant: DoubleParticipant): Record<string, unknown> {
  return { id: participant.id, dn2: b64(participant.name), role: participant.role, type: 0, bHold: false };
}

/**
 * One meeting as Zoom's meeting service would run it for one joining user: answers the SDK's HTTP requests and its
 * RWG sockets, and lets a test (or the demo's panel) make things happen in the meeting.
 */
export class MeetingDouble {
  readonly origin: string;
  readonly topic: string;
  readonly userId: number;
  readonly userRole: 0 | 1;
  readonly webinar: boolean;
  private readonly others = new Map<number, DoubleParticipant>();
  private nextId: number;
  private socket?: DoubleSocket;
  /** False once the connection was dropped for good: new sockets and token refreshes are refused. */
  private reachable = true;
  private userName = '';
  private held: boolean;
  private started: boolean;
  private readonly record: MeetingDoubleRecord = { sent: [], answered: [], sockets: 0, refreshes: 0, participants: [], tokens: [], refusals: [] };
  private readonly authorization?: MeetingAuthorization;
  /** The authorising users in the meeting: their id → their participant id in the roster. */
  private readonly authorizers = new Map<string, number>();
  /** Whose OBF token let the user in, while they are in. */
  private admittedBy?: string;

  constructor(options: MeetingDoubleOptions) {
    this.origin = options.origin;
    this.topic = options.topic ?? 'Meeting double';
    this.userId = options.userId ?? FIRST_USER_ID;
    this.userRole = options.userRole ?? 0;
    this.webinar = options.webinar ?? false;
    this.held = options.waitingRoom ?? false;
    this.started = !(options.notStarted ?? false);
    this.nextId = this.userId + 1024;
    if (options.hostName) this.addParticipant(options.hostName, 1);
    this.authorization = options.authorization;
    for (const userId of options.authorizingUsers ?? []) this.authorizingUserJoins(userId);
  }

  /** The answer to one of the SDK's HTTP requests to a Zoom host, or undefined to fail it as unreachable. */
  answerHttp(request: DoubleRequest): DoubleResponse | undefined {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...jsonHeaders(this.origin),
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
        },
        body: '',
      };
    }
    if (url.pathname === '/api/v1/wc/info') {
      // 6.x posts the form over XHR; 5.x asks with a JSONP GET (demo/zoom-double/jsonp.ts).
      const answer = this.json(this.wcInfo(requestFields(request.url, request.postData)));
      return asJsonp(answer, jsonpCallbackOf(request.url, request.method));
    }
    if (url.hostname === RWC_HOST && url.pathname.startsWith('/wc/ping/')) {
      return this.reachable ? this.json({ rwg: RWG_HOST, rwcAuth: 'double-rwc-auth' }) : undefined;
    }
    if (url.pathname === '/wc/refresh_tokens') {
      this.record.refreshes++;
      if (!this.reachable) return undefined;
      const tokens = { auth: 'double-auth', trackAuth: 'double-track', tid: 'double-tid', ts: String(Date.now()), encryptedRWC: JSON.stringify({ [RWC_HOST]: 'double-rwc-token' }) };
      return this.json({ status: true, errorCode: 0, errorMessage: '', result: JSON.stringify(tokens) });
    }
    return undefined;
  }

  /** Whether `url` is a socket this double answers (the RWG's); the SDK's media sockets are not. */
  isRwgSocket(url: string): boolean {
    return url.startsWith(`wss://${RWG_HOST}/wc/api/`);
  }

  /** Takes an RWG socket the SDK opened: greets it, and answers the SDK's join parameters with the join answer. */
  attachSocket(socket: DoubleSocket): void {
    if (!this.reachable) {
      socket.close(1011, 'meeting double: unreachable');
      return;
    }
    this.socket = socket;
    this.record.sockets++;
    this.userName = new URL(socket.url.replace(/^wss:/, 'https:')).searchParams.get('dn2') ?? this.userName;
    socket.onMessage((text) => this.onSdkMessage(socket, text));
    socket.onClose(() => {
      if (this.socket === socket) this.socket = undefined;
    });
    this.send({ evt: RwgEvent.keepAlive, seq: 0 }, socket);
    this.send({ evt: RwgEvent.keepAlive, body: { status: 'READY', conID: 'double-con-id' } }, socket);
  }

  /** Someone joins the meeting; returns their id. */
  addParticipant(name: string, role: 0 | 1 = 0): number {
    const participant: DoubleParticipant = { id: this.nextId, name, role };
    this.nextId += 1024;
    this.others.set(participant.id, participant);
    this.send({ evt: RwgEvent.roster, body: { add: [rosterEntry(participant)], remove: null, update: null } });
    return participant.id;
  }

  /** Someone leaves the meeting. */
  removeParticipant(id: number): void {
    if (!this.others.delete(id)) throw new Error(`the meeting double has no participant ${id}`);
    this.send({ evt: RwgEvent.roster, body: { add: null, remove: [{ id }], update: null } });
  }

  /** The host lets the user in from the waiting room: the SDK reconnects and is joined as usual. */
  admit(): void {
    this.held = false;
    const socket = this.socket;
    this.send({ evt: RwgEvent.end, body: { reason: EndReason.reconnect, subReason: WAITING_ROOM_FAILOVER } });
    this.socket = undefined;
    socket?.close(1000, 'meeting double: admitted from the waiting room');
  }

  /** The host starts the meeting: the next wc/info answers success. */
  startMeeting(): void {
    this.started = true;
  }

  /** A user who may authorise OBF joins joins the meeting (and its roster). */
  authorizingUserJoins(userId: string, name = `Authorising user ${userId}`): void {
    if (this.authorizers.has(userId)) return;
    this.authorizers.set(userId, this.addParticipant(name));
  }

  /** An authorising user leaves: a user their OBF token let in is put out of the meeting with them (7939 21). */
  authorizingUserLeaves(userId: string): void {
    const participant = this.authorizers.get(userId);
    if (participant === undefined) throw new Error(`the meeting double has no authorising user ${userId}`);
    this.authorizers.delete(userId);
    this.removeParticipant(participant);
    if (this.admittedBy === userId) {
      this.admittedBy = undefined;
      this.send({ evt: RwgEvent.end, body: { reason: EndReason.authorizingUserLeft } });
    }
  }

  /** The host ends the meeting for everyone. */
  endMeeting(): void {
    this.send({ evt: RwgEvent.end, body: { reason: EndReason.endedByHost } });
  }

  /** The host removes the joining user. */
  removeUser(): void {
    this.send({ evt: RwgEvent.end, body: { reason: EndReason.kickedByHost } });
  }

  /**
   * The connection drops (the server closes the socket). With `recover`, the SDK's failover finds the service again;
   * without it, every new socket, ping and token refresh is refused from now on.
   */
  dropConnection(options: { recover: boolean }): void {
    this.reachable = options.recover;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(4000, 'meeting double: connection dropped');
  }

  snapshot(): MeetingDoubleRecord {
    return {
      ...this.record,
      sent: [...this.record.sent],
      answered: [...this.record.answered],
      participants: [...this.others.values()],
      tokens: this.record.tokens.map((sighting) => ({ ...sighting })),
      refusals: [...this.record.refusals],
    };
  }

  private onSdkMessage(socket: DoubleSocket, text: string): void {
    let message: RwgMessage;
    try {
      message = JSON.parse(text) as RwgMessage;
    } catch {
      return;
    }
    if (message.evt === RwgEvent.keepAlive) {
      this.send({ evt: RwgEvent.keepAlive, seq: message.seq ?? 0 }, socket);
      return;
    }
    this.record.sent.push(message.evt);
    if (message.evt === RwgEvent.launchParameters) {
      const refusal = this.authorize(message.body ?? {}, socket.url);
      if (refusal === undefined) this.answerJoin(socket);
      else this.refuseJoin(socket, refusal);
    }
    if (message.evt === RwgEvent.leave) this.admittedBy = undefined;
    // Zoom ends the meeting for everyone when its host asks; anyone else's request it ignores.
    if (message.evt === RwgEvent.endRequest && this.userRole === 1) this.endMeeting();
  }

  /**
   * Zoom's check of a join to another account's meeting, from the launch parameters (both views send an OBF token as
   * `obfToken`, and only without one a ZAK as `zak`): the refusal's `res`, or undefined to let the user in.
   */
  private authorize(launch: Record<string, unknown>, socketUrl: string): number | undefined {
    const obf = typeof launch.obfToken === 'string' && launch.obfToken !== '' ? launch.obfToken : undefined;
    const zak = typeof launch.zak === 'string' && launch.zak !== '' ? launch.zak : undefined;
    const kind: AuthorizationKind | 'none' = obf ? 'obf' : zak ? 'zak' : 'none';
    this.record.tokens.push({ at: 'launch', kind });
    // A reconnection carries the same token; the user is let back in as before.
    if (!this.authorization || this.admittedBy !== undefined) return undefined;
    const token = obf ?? zak;
    if (kind === 'none' || token === undefined) return AuthorizationRefusal.anonymous;
    const grant = this.authorization.verify(kind, token);
    if (!grant || grant.expired) return AuthorizationRefusal.tokenInvalid;
    if (kind === 'zak') return undefined;
    const meetingNumber = new URL(socketUrl.replace(/^wss:/, 'https:')).pathname.split('/').pop();
    if (grant.meetingNumber !== undefined && grant.meetingNumber !== meetingNumber) return AuthorizationRefusal.meetingMismatch;
    if (!this.authorizers.has(grant.userId)) return AuthorizationRefusal.authorizingUserAbsent;
    this.admittedBy = grant.userId;
    return undefined;
  }

  /** The join answer that refuses: the SDKs read `res` (and log `error_desc`), then close the socket themselves. */
  private refuseJoin(socket: DoubleSocket, res: number): void {
    this.record.refusals.push(res);
    this.send({ evt: RwgEvent.joinAnswer, body: { res, conID: 'double-con-id', svcUrl: RWG_HOST, error_desc: `meeting double: refused (${res})` } }, socket);
  }

  private answerJoin(socket: DoubleSocket): void {
    this.send(
      {
        evt: RwgEvent.joinAnswer,
        body: {
          res: 0,
          userID: this.userId,
          zoomID: b64('meeting-double-zoom-id'),
          participantID: 42,
          confID: 'double-conf-id',
          conID: 'double-con-id',
          role: this.joiningRole(),
          svcUrl: RWG_HOST,
          encType: 0,
          e2eEncrypt: false,
          userGUID: '00000000-0000-0000-0000-000000000001',
          jid: 'user@xmpp.meeting-double.zoom.us',
          elapsed: 0,
        },
      },
      socket,
    );
    const me = { id: this.userId, dn2: this.userName || b64('You'), role: this.joiningRole(), type: 0, bHold: this.held };
    if (this.held) this.send({ evt: RwgEvent.holdChange, body: { bHold: true, bInitial: true } }, socket);
    const everyone = [me, ...[...this.others.values()].map(rosterEntry)];
    this.send({ evt: RwgEvent.roster, body: { add: everyone, remove: null, update: null } }, socket);
  }

  /** The user's role as the RWG says it: a webinar's attendees are ViewOnly (8). */
  private joiningRole(): number {
    return this.webinar && this.userRole === 0 ? VIEW_ONLY_ROLE : this.userRole;
  }

  private send(message: RwgMessage, socket = this.socket): void {
    if (socket && message.evt !== RwgEvent.keepAlive) this.record.answered.push(message.evt);
    socket?.send(JSON.stringify(message));
  }

  private json(value: unknown): DoubleResponse {
    return { status: 200, headers: jsonHeaders(this.origin), body: JSON.stringify(value) };
  }

  private wcInfo(form: URLSearchParams): unknown {
    const signature = form.get('signature') ?? '';
    // The Component View sends a ZAK as ztk (zsk for a host) and no OBF token; the Client View zak/zsk and obfToken.
    const given = (name: string): boolean => (form.get(name) ?? '') !== '';
    const kind = given('obfToken') ? 'obf' : given('zak') || given('ztk') || given('zsk') ? 'zak' : 'none';
    this.record.tokens.push({ at: 'wc/info', kind });
    const notStarted = this.started ? {} : { rsRes: { status: false, errorCode: 3008, errorMessage: 'Meeting has not started' } };
    return {
      status: true,
      errorCode: 0,
      errorMessage: '',
      result: {
        mid: 'meeting-double-mid',
        meetingNumber: form.get('meetingNumber') ?? form.get('mn') ?? '',
        userName: form.get('userName') ?? '',
        userEmail: '',
        passWord: '',
        ts: String(Date.now()),
        auth: 'double-auth',
        tid: 'double-tid',
        track_auth: 'double-track',
        sign: signature,
        encryptedRWC: JSON.stringify({ [RWC_HOST]: 'double-rwc-token' }),
        meetingTopic: this.topic,
        meetingOptions: JSON.stringify({}),
        isWebinar: this.webinar ? '1' : '0',
        isSupportQA: 'false',
        can_recording: '0',
        support_call_out: '0',
        toll_numbers_json: '{}',
        call_out_country_json: '[]',
        wcXMPPConfig: '{}',
        isOriginHost: 'false',
        invite_email: '',
        ...notStarted,
      },
    };
  }
}

/** One token a table-driven authorization knows (tests and the demo, which have no token service to ask). */
export interface KnownToken extends AuthorizationGrant {
  kind: AuthorizationKind;
  token: string;
}

/** A stand-in for Zoom's token service that knows the listed tokens and nothing else. */
export function authorizationOf(known: readonly KnownToken[]): MeetingAuthorization {
  return {
    verify(kind, token) {
      const entry = known.find((candidate) => candidate.kind === kind && candidate.token === token);
      return entry ? { userId: entry.userId, expired: entry.expired, ...(entry.meetingNumber === undefined ? {} : { meetingNumber: entry.meetingNumber }) } : null;
    },
  };
}
