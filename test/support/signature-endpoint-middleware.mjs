// Test-only signature endpoints served by the test runner itself (real HTTP for the fetch client's tests).
// Paths under /test-endpoint/ only; everything else passes through. The success answers copy Zoom's
// meetingsdk-auth-endpoint-sample: POST JSON {meetingNumber, role, videoWebRtcMode?, expirationSeconds?} →
// {signature, sdkKey}, signed with a throwaway test key.
import { SignJWT } from 'jose';

export const TEST_SDK_KEY = 'zoom-join-test-sdk-key';
const TEST_SDK_SECRET = new TextEncoder().encode('zoom-join-test-sdk-secret-not-a-real-one');
const PREFIX = '/test-endpoint/';

/** Requests per `?key=` value, so tests can count attempts (retries) from the server's side. */
const attemptsByKey = new Map();

export async function signatureEndpointMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  const name = context.path.slice(PREFIX.length);
  const query = context.query;
  const key = typeof query.key === 'string' ? query.key : undefined;
  if (key !== undefined && name !== 'attempts') attemptsByKey.set(key, (attemptsByKey.get(key) ?? 0) + 1);
  context.set('Cache-Control', 'no-store');
  const handler = handlers[name];
  if (!handler) {
    context.status = 404;
    context.body = `no such test endpoint: ${name}`;
    return undefined;
  }
  return handler(context, query, key);
}

/** Visitors (`?key=`) who went through the test sign-in page, as a signature server with a Zoom sign-in keeps them. */
const signedIn = new Set();

const handlers = {
  async ok(context) {
    await answerWithSignature(context);
  },

  /**
   * A signature server that attaches a token for a signed-in visitor, like zoom-join/server with a Zoom sign-in:
   * until `?key` signed in, 401 {error: {code: 'sign-in-required', signInUrl}}; then {signature, sdkKey, obfToken,
   * onBehalfOf} (?token=zak: a zak instead, ?token=both: both). ?url overrides the sign-in URL it names.
   */
  async 'sign-in-flow'(context, query, key) {
    if (!signedIn.has(key)) {
      context.status = 401;
      context.type = 'application/json';
      const signInUrl = typeof query.url === 'string' ? query.url : `/test-endpoint/sign-in-page?key=${encodeURIComponent(key)}`;
      context.body = { error: { code: 'sign-in-required', message: 'Sign in with Zoom first.', signInUrl } };
      return;
    }
    await answerWithSignature(context);
    const token = `test-${query.token ?? 'obf'}-token-of-${key}`;
    if (query.token === 'zak') context.body.zak = token;
    else if (query.token === 'both') Object.assign(context.body, { zak: token, obfToken: token });
    else Object.assign(context.body, { obfToken: token, onBehalfOf: 'Grace Hopper' });
  },

  /** The page Zoom's sign-in ends on: ?approve=0 closes without signing in. Says so to its opener, then closes. */
  'sign-in-page'(context, query, key) {
    const approve = query.approve !== '0';
    if (approve) signedIn.add(key);
    context.type = 'text/html; charset=utf-8';
    context.body =
      '<!doctype html><title>Signed in</title><script>' +
      (approve ? "window.opener?.postMessage({type: 'zoom-join:signed-in'}, location.origin);" : '') +
      'window.close();</script>';
  },

  async echo(context, query) {
    const raw = await readBody(context.req);
    const params = parseParams(context, raw, query);
    const signature = await sign(params);
    context.type = 'application/json';
    context.body = {
      signature,
      sdkKey: TEST_SDK_KEY,
      echo: { method: context.method, headers: context.headers, body: raw, query: { ...query } },
    };
  },

  attempts(context, query) {
    context.body = { count: attemptsByKey.get(String(query.key)) ?? 0 };
  },

  async flaky(context, query, key) {
    const fail = Number(query.fail ?? 1);
    if ((attemptsByKey.get(key) ?? 0) <= fail) {
      if (query.status === 'reset') return resetConnection(context);
      context.status = Number(query.status ?? 503);
      if (query['retry-after'] !== undefined) context.set('Retry-After', String(query['retry-after']));
      context.body = `temporarily failing (attempt ${attemptsByKey.get(key)})`;
      return undefined;
    }
    return answerWithSignature(context);
  },

  async slow(context, query) {
    const closed = await waitOrClose(context, Number(query.ms ?? 1000));
    if (closed) context.respond = false;
    else await answerWithSignature(context);
  },

  /** Headers at once, body only after ?ms: a timeout must cover reading the body too. */
  async 'slow-body'(context, query) {
    context.respond = false;
    const { res } = context;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.write('{"signature":');
    const closed = await waitOrClose(context, Number(query.ms ?? 1000));
    if (!closed) res.end(JSON.stringify(await sign({ meetingNumber: '1', role: 0 })) + '}');
  },

  reset: resetConnection,
  /**
   * A signature made by a clock ?skew seconds off the real one (-10800: the signing server is 3 h behind this
   * device), with a Date header read from that clock; ?date=0 sends no Date header. ?age backdates iat by that many
   * seconds, ?lifetime sets exp − iat. ?cors=1 answers another origin (preflight too) without exposing Date to it;
   * ?cors=expose sends Access-Control-Expose-Headers: Date.
   */
  async clock(context, query) {
    const origin = context.get('origin');
    if (query.cors && origin) {
      context.set('Access-Control-Allow-Origin', origin);
      context.set('Vary', 'Origin');
      if (query.cors === 'expose') context.set('Access-Control-Expose-Headers', 'Date');
    }
    if (context.method === 'OPTIONS') {
      context.set('Access-Control-Allow-Methods', 'POST');
      context.set('Access-Control-Allow-Headers', 'content-type');
      context.status = 204;
      return;
    }
    const params = parseParams(context, await readBody(context.req), context.query);
    const now = Math.floor(Date.now() / 1000) + Number(query.skew ?? 0);
    const iat = now - 30 - Number(query.age ?? 0);
    const signature = await signAt(params, iat, iat + Number(query.lifetime ?? 7200));
    context.respond = false;
    const { res } = context;
    if (query.date === '0') res.sendDate = false;
    else res.setHeader('Date', new Date(now * 1000).toUTCString());
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ signature, sdkKey: TEST_SDK_KEY }));
  },

  /**
   * A huge answer, streamed: ?bytes (default 1 MiB), ?status (default 500), ?kind html | garbage | tokens | json.
   * Each kind is shaped to hit the worst case of a backtracking regex (unclosed tags and comments, long runs of
   * token characters without dots); json is a 200 whose signature sits in front of megabytes of padding.
   */
  async big(context, query) {
    const bytes = Math.max(1, Math.floor(Number(query.bytes ?? 1 << 20) || 0));
    const kind = String(query.kind ?? 'html');
    const status = Number(query.status ?? (kind === 'json' ? 200 : 500));
    const { head, filler, tail, type } = bigBody(kind, kind === 'json' ? await sign({ meetingNumber: '12345678901', role: 0 }) : '');
    context.respond = false;
    const { res } = context;
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    await streamBody(res, head, filler, tail, bytes);
  },


  html(context) {
    context.type = 'text/html; charset=utf-8';
    context.body =
      '<!doctype html>\n<html lang="en">\n  <head>\n    <title>My App</title>\n' +
      '    <script type="module">window.app = { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" };</script>\n' +
      '  </head>\n  <body>\n    <div id="root">Loading   your\n\n dashboard…</div>\n  </body>\n</html>\n';
  },

  'not-json'(context) {
    context.type = 'text/plain';
    context.body = 'OK: signature service is up';
  },

  empty(context) {
    context.status = 200;
    context.type = 'application/json';
    context.body = '';
  },

  'plain-jwt': async (context) => {
    context.type = 'text/plain';
    context.body = await sign({ meetingNumber: '555', role: 0 });
  },

  async 'no-signature'(context, query) {
    const token = await sign({ meetingNumber: '1', role: 0 });
    const shapes = {
      'other-field': { token, error: 'use the token field' },
      empty: { signature: '' },
      number: { signature: 12345 },
      nested: { data: { signature: token } },
      array: [token],
    };
    context.type = 'application/json';
    context.body = JSON.stringify(shapes[String(query.shape ?? 'other-field')] ?? {});
  },

  status(context, query) {
    const code = Number(query.code ?? 500);
    if (query['retry-after'] !== undefined) context.set('Retry-After', String(query['retry-after']));
    context.status = code;
    context.type = String(query.type ?? 'text/plain');
    context.body = String(query.body ?? `status ${code}`);
  },

  500(context) {
    context.status = 500;
    context.type = 'text/html';
    context.body =
      '<html><body>\n<h1>Internal   Server Error</h1>\n<pre>Error: ZOOM_MEETING_SDK_SECRET is not set\n' +
      '    at generateSignature (/srv/app/index.js:12:9)</pre>\n</body></html>';
  },

  404(context) {
    context.status = 404;
    context.type = 'text/html';
    context.body = '<!DOCTYPE html><html><body><pre>Cannot POST /test-endpoint/404</pre></body></html>';
  },

  429(context, query) {
    context.status = 429;
    context.set('Retry-After', String(query['retry-after'] ?? 1));
    context.body = 'Too Many Requests';
  },
};

async function answerWithSignature(context) {
  const raw = await readBody(context.req);
  const params = parseParams(context, raw, context.query);
  if (!params.meetingNumber || (params.role !== 0 && params.role !== 1)) {
    context.status = 400;
    context.body = { errors: ['meetingNumber and role (0 or 1) are required'] };
    return;
  }
  context.type = 'application/json';
  context.body = { signature: await sign(params), sdkKey: TEST_SDK_KEY };
}

/** Like the sample: JSON body, numeric fields coerced; GET reads the query string, forms are understood too. */
function parseParams(context, raw, query) {
  let source = query;
  if (raw) {
    if (/json/.test(context.get('content-type'))) {
      try {
        source = JSON.parse(raw);
      } catch {
        source = {};
      }
    } else if (/x-www-form-urlencoded/.test(context.get('content-type'))) {
      source = Object.fromEntries(new URLSearchParams(raw));
    }
  }
  const number = (value) => (value === undefined || value === '' ? undefined : Number(value));
  return {
    meetingNumber: source.meetingNumber === undefined ? undefined : String(source.meetingNumber),
    role: number(source.role),
    videoWebRtcMode: number(source.videoWebRtcMode),
    expirationSeconds: number(source.expirationSeconds),
  };
}

function sign(params) {
  const iat = Math.floor(Date.now() / 1000) - 30;
  return signAt(params, iat, iat + (params.expirationSeconds ?? 7200));
}

function signAt({ meetingNumber, role, videoWebRtcMode }, iat, exp) {
  const payload = { appKey: TEST_SDK_KEY, sdkKey: TEST_SDK_KEY, mn: meetingNumber, role, tokenExp: exp };
  if (videoWebRtcMode !== undefined) payload.video_webrtc_mode = videoWebRtcMode;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(TEST_SDK_SECRET);
}

/** Koa here has no body parser; read the node request directly. */
function readBody(req) {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves false after `ms`, or true as soon as the client goes away (an aborted fetch), freeing the server. */
function waitOrClose(context, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      context.res.off('close', onClose);
      resolve(false);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    context.res.once('close', onClose);
  });
}

/** A connection dropped without an answer: fetch() rejects with a TypeError, a network error. */
function resetConnection(context) {
  context.respond = false;
  context.req.socket.destroy();
}

function bigBody(kind, signature) {
  switch (kind) {
    case 'json':
      return {
        type: 'application/json',
        head: `{"signature":"${signature}","sdkKey":"${TEST_SDK_KEY}","padding":"`,
        filler: 'x'.repeat(1024),
        tail: '"}',
      };
    case 'tokens':
      return {
        type: 'text/plain',
        // One dot, then one unbroken run of token characters: the worst case of a pattern for dotted tokens.
        head: 'Error: upstream said eyJhbGciOiJIUzI1NiJ9.',
        filler: 'eyJhbGciOiJIUzI1NiJ9',
        tail: '',
      };
    case 'garbage':
      return { type: 'application/octet-stream', head: '', filler: pseudoRandomBytes(65536), tail: '' };
    default:
      return {
        type: 'text/html',
        head: '<!doctype html><html><head><title>500</title></head><body><h1>Internal Server Error</h1>',
        // Tags, comments and scripts that never close (no ">" after the head at all).
        filler: '<div class="x" <a href=<!-- note <script src=x <style data=eyJhbGciOiJIUzI1NiJ9abcdefghij ',
        tail: '',
      };
  }
}

/** The same bytes every run (a linear congruential generator), so a failure can be replayed. */
function pseudoRandomBytes(length) {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** Writes head, filler repeated up to `bytes`, tail, honouring back pressure; stops when the client goes away. */
async function streamBody(res, head, filler, tail, bytes) {
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  res.on('error', () => undefined);
  const chunk = Buffer.isBuffer(filler) ? filler : Buffer.from(filler.repeat(Math.max(1, Math.floor(65536 / filler.length))));
  let sent = 0;
  bytes = Math.floor(bytes);
  const write = (buffer) => {
    sent += buffer.length;
    if (res.write(buffer)) return Promise.resolve();
    return new Promise((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  };
  await write(Buffer.from(head));
  while (!closed && sent < bytes) await write(chunk.subarray(0, Math.min(chunk.length, bytes - sent)));
  if (!closed) res.end(tail);
}
