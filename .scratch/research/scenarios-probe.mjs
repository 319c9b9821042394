// Scenario probe for zoom-join research: drives the REAL Meeting SDK 6.2.0 (Component View or Client View) against a
// local double of Zoom's services (wc/info, RWC ping, RWG socket, wc/rs, refresh_tokens) through Playwright routing.
//
//   VIEW=component|client node /path/scenarios-probe.mjs <scenario>      (cwd: the project root, node_modules there)
//   scenarios:
//     join         greeting ({evt:0,seq:0}, READY) -> SDK sends 4301 -> 4098 -> roster; stays 8 s
//     nogreet      (component) 4098 sent unprompted 300 ms after the socket opens (the old component probe)
//     waiting      4098, then 7942 {bHold:true,bInitial:true} + self roster add with bHold:true; after 8 s admit:
//                  7942 {bHold:false} + roster update self bHold:false; host joins
//     waitroster   like waiting but ONLY via the roster (self add bHold:true, then update bHold:false), no 7942
//     notstarted   wc/info answers status:true with result.rsRes {status:false, errorCode:3008}; /wc/rs answered
//                  {status:false,errorCode:3008} the first RS_FAILS times, then {status:true}; next wc/info succeeds
//     notstarted-top   wc/info answers {status:false, errorCode:3008, errorMessage, result:null}
//     notstarted-4098  wc/info ok; RWG answers 4301 with {evt:4098, body:{res:3008}}
//     webinar      wc/info isWebinar '1'; 4098 role 8 (view-only attendee); roster self add role 8 + host
//     end | kick   join then {evt:7939, body:{reason:8|7}}
//     drop         join then the double closes the socket; failover is answered (new socket served)
//     dropdead     join then the double closes the socket and refuses every later socket (closed at once) and
//                  answers refresh_tokens with HTTP 500; watch for DEAD_WAIT s
//     nokeepalive  join, the double never answers the SDK's {evt:0} heartbeats; watch 70 s
//   env: LP=1 -> wc/info result.enableLongPollingCheckStart=true (long-poll /wc/rs); RS_FAILS (default 1);
//        RS_HOLD_MS (long-poll hold, default 3000); DEAD_WAIT (s, default 90); ALL_CONSOLE=1
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/package.json`);
const { chromium } = require('playwright-core');

const VIEW = process.env.VIEW ?? 'component';
const DIST = path.resolve('node_modules/@zoom/meetingsdk/dist');
const SCENARIO = process.argv[2] ?? 'join';
const ALL_CONSOLE = !!process.env.ALL_CONSOLE;
const LP = !!process.env.LP;
const RS_FAILS = Number(process.env.RS_FAILS ?? 1);
const RS_HOLD_MS = Number(process.env.RS_HOLD_MS ?? 3000);
const DEAD_WAIT = Number(process.env.DEAD_WAIT ?? 90);
const MN = '12345678901';
const USER_ID = 16778240;
const HOST_ID = USER_ID + 1024;
const SECOND_ID = USER_ID + 2048;
const WEBINAR = SCENARIO === 'webinar';
const MY_ROLE = WEBINAR ? 8 : 0;
const t0 = Date.now();
const log = (...args) => console.log(`[${String(Date.now() - t0).padStart(6)}ms]`, ...args);
const short = (s, n = 400) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

const PAGE =
  VIEW === 'component'
    ? `<!doctype html><html><head><meta charset="utf-8"><title>probe</title>
<script src="/dist/lib/vendor/react.min.js"></script><script src="/dist/lib/vendor/react-dom.min.js"></script>
<script src="/dist/zoomus-websdk-embedded.umd.min.js"></script></head>
<body><div id="root" style="width:900px;height:600px"></div></body></html>`
    : `<!doctype html><html><head><meta charset="utf-8"><title>probe</title>
<script src="/dist/lib/vendor/react.min.js"></script><script src="/dist/lib/vendor/react-dom.min.js"></script>
<script src="/dist/lib/vendor/redux.min.js"></script><script src="/dist/lib/vendor/redux-thunk.min.js"></script>
<script src="/dist/lib/vendor/lodash.min.js"></script><script src="/dist/zoom-meeting-6.2.0.min.js"></script></head><body></body></html>`;
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html', '.png': 'image/png', '.svg': 'image/svg+xml', '.mp3': 'audio/mpeg', '.wav': 'audio/wav' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end(PAGE); }
  if (url.pathname === '/left') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<p>left</p>'); }
  if (url.pathname.startsWith('/dist/')) {
    const file = path.join(DIST, decodeURIComponent(url.pathname.slice(6)));
    if (file.startsWith(DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      return fs.createReadStream(file).pipe(res);
    }
  }
  res.writeHead(404); res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

const RWC = 'rwc.probe.zoom.us';
const RWG = 'rwg.probe.zoom.us';
const cors = { 'access-control-allow-origin': ORIGIN, 'access-control-allow-credentials': 'true', 'content-type': 'application/json; charset=utf-8' };
const TS = String(Date.now());
function meetingResult(signature) {
  return {
    mid: 'probe-meeting-id-000', meetingNumber: MN, userName: 'Probe', userEmail: '', passWord: '', ts: TS,
    auth: 'probe-auth', tid: 'probe-tid', track_auth: 'probe-track', sign: signature,
    encryptedRWC: JSON.stringify({ [RWC]: 'probe-rwc-token' }), meetingTopic: 'Probe meeting',
    meetingOptions: JSON.stringify({}), isWebinar: WEBINAR ? '1' : '0', isSupportQA: 'false', can_recording: '0',
    support_call_out: '0', toll_numbers_json: '{}', call_out_country_json: '[]', wcXMPPConfig: '{}',
    isOriginHost: 'false', invite_email: 'Join: https://zoom.us/j/12345678901',
    rsPwd: 'probe-rspwd', enableLongPollingCheckStart: LP, isNewJoinFlow: true,
  };
}
let wcInfoCount = 0;
let rsCount = 0;
function wcInfoAnswer(signature) {
  wcInfoCount += 1;
  if (SCENARIO === 'notstarted' && rsCount === 0) {
    return { status: true, errorCode: 0, errorMessage: '', result: { ...meetingResult(signature), rsRes: { status: false, errorCode: 3008, errorMessage: 'The meeting has not started.' } } };
  }
  if (SCENARIO === 'notstarted-top' && rsCount === 0) {
    return { status: false, errorCode: 3008, errorMessage: 'The meeting has not started.', result: null };
  }
  return { status: true, errorCode: 0, errorMessage: '', result: meetingResult(signature) };
}
const refreshTokens = () => ({ status: true, errorCode: 0, result: JSON.stringify({ auth: 'probe-auth-2', trackAuth: 'probe-track', tid: 'probe-tid', ts: String(Date.now()), encryptedRWC: JSON.stringify({ [RWC]: 'probe-rwc-token-2' }) }) });
const joinRes = (res = 0) => ({ evt: 4098, body: { res, userID: USER_ID, zoomID: 'cHJvYmUtem9vbS1pZA==', mn: MN, participantID: 42, confID: 'probe-conf-id', conID: 'probe-con-id', role: MY_ROLE, svcUrl: RWG, encType: 0, e2eEncrypt: false, userGUID: '00000000-0000-0000-0000-000000000001', jid: 'probe@xmpp.probe.zoom.us', elapsed: 0 } });
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const roster = ({ add = null, remove = null, update = null }) => ({ evt: 7937, body: { add, remove, update } });
const person = (id, name, role, extra = {}) => ({ id, dn2: b64(name), role, type: 0, bHold: false, ...extra });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
const page = await context.newPage();
page.on('console', (m) => {
  const text = m.text();
  if (ALL_CONSOLE || /probe:/.test(text)) log(`console.${m.type()}: ${short(text, 700)}`);
  else if (m.type() === 'error') log(`console.error: ${short(text, 200)}`);
});
page.on('pageerror', (e) => log('pageerror:', short(`${e?.name}: ${e?.message} ${String(e?.stack ?? '').split('\n').slice(0, 3).join(' | ')}`, 400)));
page.on('request', (r) => { const u = r.url(); if (!u.startsWith(ORIGIN)) log(`HTTP ${r.method()} ${short(u, 200)}${r.postData() ? ` body: ${short(r.postData(), 200)}` : ''}`); });
page.on('framenavigated', (f) => f === page.mainFrame() && log(`navigated to ${f.url()}`));

let dead = false;
await page.route(/^https?:\/\/([a-z0-9-]+\.)*(zoom\.us|zoom\.com|zoomgov\.com|cloudfront\.net)(:\d+)?\//, async (route) => {
  const req = route.request();
  const url = new URL(req.url());
  if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET,POST' } });
  if (url.pathname === '/api/v1/wc/info') {
    const signature = new URLSearchParams(req.postData() ?? '').get('signature') ?? '';
    const a = wcInfoAnswer(signature);
    log(`  -> wc/info #${wcInfoCount}: ${short(JSON.stringify({ status: a.status, errorCode: a.errorCode, rsRes: a.result?.rsRes, isWebinar: a.result?.isWebinar }), 300)}`);
    return route.fulfill({ status: 200, headers: cors, body: JSON.stringify(a) });
  }
  if (url.pathname === '/wc/rs') {
    rsCount += 1;
    const ok = rsCount > RS_FAILS;
    const a = ok ? { status: true, errorCode: 0, errorMessage: '', result: null } : { status: false, errorCode: 3008, errorMessage: 'The meeting has not started.', result: null };
    const hold = url.searchParams.get('lp') === '1' ? RS_HOLD_MS : 0;
    log(`  -> wc/rs #${rsCount} (lp=${url.searchParams.get('lp')}) answering ${JSON.stringify(a)} after ${hold} ms`);
    if (hold) await new Promise((r) => setTimeout(r, hold));
    return route.fulfill({ status: 200, headers: cors, body: JSON.stringify(a) }).catch((e) => log('rs fulfill failed', e.message));
  }
  if (url.hostname === RWC && url.pathname.startsWith('/wc/ping/')) {
    log('  -> RWC ping');
    return route.fulfill({ status: 200, headers: cors, body: JSON.stringify({ rwg: RWG, rwcAuth: 'probe-rwc-auth' }) });
  }
  if (url.pathname === '/wc/refresh_tokens') {
    if (dead) { log('  -> refresh_tokens: 500 (dead)'); return route.fulfill({ status: 500, headers: cors, body: '{}' }); }
    log('  -> refresh_tokens');
    return route.fulfill({ status: 200, headers: cors, body: JSON.stringify(refreshTokens()) });
  }
  log(`  -> aborting ${url.hostname}${url.pathname}`);
  return route.abort('namenotresolved');
});

let rwg;
let sockets = 0;
let admitted = false;
let answerKeepAlive = SCENARIO !== 'nokeepalive';
await page.routeWebSocket(/^wss?:\/\//, (ws) => {
  const url = ws.url();
  if (!url.startsWith(`wss://${RWG}/wc/api/`)) { log(`WS (other) ${short(url, 120)} -> closed`); ws.close({ code: 1011, reason: 'probe' }); return; }
  sockets += 1;
  const n = sockets;
  const params = new URL(url.replace(/^wss:/, 'https:')).searchParams;
  log(`WS#${n} OPEN ${short(url, 260)}`);
  if (dead) { log(`WS#${n}: dead double closes it at once`); ws.close({ code: 1006 === 0 ? 0 : 4000, reason: 'dead' }); return; }
  rwg = ws;
  const send = (msg) => { log(`WS#${n} <= ${short(JSON.stringify(msg), 500)}`); ws.send(JSON.stringify(msg)); };
  const afterJoin = () => {
    if (SCENARIO === 'waitadmit5' && !admitted) {
      setTimeout(() => send({ evt: 7942, body: { bHold: true, bInitial: true } }), 100);
      setTimeout(() => send(roster({ add: [person(USER_ID, 'Probe', MY_ROLE, { bHold: true })] })), 200);
      setTimeout(() => { log('=== ADMIT via 7939 reason 5 subReason 1 ==='); admitted = true; send({ evt: 7939, body: { reason: 5, subReason: 1 } }); setTimeout(() => { log(`WS#${n}: double closes the socket after 7939/5`); ws.close({ code: 1000, reason: 'failover' }); }, 500); }, 8000);
      return;
    }
    if (SCENARIO === 'waiting' || SCENARIO === 'waitroster' || SCENARIO === 'wait7942') {
      if (SCENARIO !== 'waitroster') setTimeout(() => send({ evt: 7942, body: { bHold: true, bInitial: true } }), 100);
      const self = person(USER_ID, 'Probe', MY_ROLE, { bHold: true });
      if (SCENARIO === 'wait7942') delete self.bHold;
      setTimeout(() => send(roster({ add: [self] })), 200);
      setTimeout(() => {
        log('=== ADMIT ===');
        if (SCENARIO !== 'waitroster') send({ evt: 7942, body: { bHold: false } });
        if (SCENARIO !== 'wait7942') send(roster({ update: [{ id: USER_ID, bHold: false }] }));
        setTimeout(() => send(roster({ add: [person(HOST_ID, 'Host person', 1)] })), 300);
      }, 8000);
      return;
    }
    setTimeout(() => send(roster({ add: [person(USER_ID, 'Probe', MY_ROLE)] })), 200);
    setTimeout(() => send(roster({ add: [person(HOST_ID, 'Host person', 1)] })), 400);
  };
  const answer4301 = () => {
    if (SCENARIO === 'notstarted-4098') { send(joinRes(3008)); return; }
    send(joinRes());
    afterJoin();
  };
  ws.onMessage((data) => {
    const text = typeof data === 'string' ? data : `<binary ${data.length}>`;
    let msg; try { msg = JSON.parse(text); } catch {}
    if (msg?.evt === 0) {
      if (answerKeepAlive) { ws.send(JSON.stringify({ evt: 0, seq: msg.seq })); log(`WS#${n} => ${text} (keep-alive answered)`); }
      else log(`WS#${n} => ${text} (keep-alive NOT answered)`);
      return;
    }
    if (msg?.evt === 4167 || msg?.evt === 24321) return; // logs, data channel offers
    log(`WS#${n} => ${short(text, 400)}`);
    if (msg?.evt === 4301 && SCENARIO !== 'nogreet') setTimeout(answer4301, 200);
  });
  ws.onClose((code, reason) => log(`WS#${n} closed by page: ${code} ${reason}`));
  log(`  dn2 in URL: ${!!params.get('dn2')}`);
  if (SCENARIO === 'nogreet' && n === 1) { setTimeout(() => { send(joinRes()); afterJoin(); }, 300); return; }
  setTimeout(() => send({ evt: 0, seq: 0 }), 200);
  setTimeout(() => send({ evt: 0, body: { status: 'READY', conID: 'probe-con-id' } }), 300);
});

await page.goto(`${ORIGIN}/`);
await page.waitForFunction(() => !!(window.ZoomMtgEmbedded || window.ReactWidgets || window.ZoomMtg), null, { timeout: 30000 });
log(`SDK loaded (${VIEW} view), scenario ${SCENARIO}`);

const b64url = (s) => Buffer.from(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const now = Math.floor(Date.now() / 1000);
const signature = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ appKey: 'probe-sdk-key', sdkKey: 'probe-sdk-key', mn: MN, role: 0, iat: now - 30, exp: now + 7200, tokenExp: now + 7200 }))}.${b64url('not-a-real-hmac')}`;

if (VIEW === 'component') {
  await page.evaluate(async ({ signature, MN, ORIGIN, EARLY_ON }) => {
    const api = window.ZoomMtgEmbedded || window.ReactWidgets.default || window.ReactWidgets;
    const client = api.createClient();
    window.__client = client;
    const say = (...a) => console.log('probe:', ...a);
    const names = ['connection-change', 'user-added', 'user-updated', 'user-removed', 'on-hold-change', 'meeting-attribute-updated', 'attendee-updated'];
    const listen = () => { for (const name of names) client.on(name, (p) => say(`event ${name}`, JSON.stringify(p)?.slice(0, 500))); };
    if (EARLY_ON) { try { listen(); say('listeners registered BEFORE init'); } catch (e) { say('on() before init threw', String(e)); } }
    await client.init({ zoomAppRoot: document.getElementById('root'), assetPath: `${ORIGIN}/dist/lib/av`, patchJsMedia: false, leaveOnPageUnload: true, language: 'en-US' });
    if (!EARLY_ON) listen();
    window.addEventListener('unhandledrejection', (ev) => say('unhandledrejection', JSON.stringify(ev.reason)?.slice(0, 300), String(ev.reason?.stack ?? '').slice(0, 300)));
    const started = performance.now();
    window.__started = started;
    client.join({ signature, meetingNumber: MN, userName: 'Probe', password: '' })
      .then((r) => { say(`JOIN RESOLVED after ${Math.round(performance.now() - started)} ms`, JSON.stringify(r)); window.__joined = true; })
      .catch((e) => { say(`JOIN REJECTED after ${Math.round(performance.now() - started)} ms`, JSON.stringify(e)); window.__joinError = e; });
  }, { signature, MN, ORIGIN, EARLY_ON: !!process.env.EARLY_ON });
} else {
  const LISTENERS = ['onMeetingStatus', 'onUserJoin', 'onUserLeave', 'onUserUpdate', 'onUserIsInWaitingRoom', 'onMeetingSuccess', 'onPreviewPannel', 'onWaitingPannel', 'onJoinSpeed'];
  await page.evaluate(async ({ signature, MN, ORIGIN, LISTENERS }) => {
    const Z = window.ZoomMtg;
    const say = (...a) => console.log('probe:', ...a);
    Z.setZoomJSLib(`${ORIGIN}/dist/lib`, '/av');
    Z.preLoadWasm();
    Z.prepareWebSDK();
    for (const name of LISTENERS) Z.inMeetingServiceListener(name, (p) => say(`listener ${name}`, JSON.stringify(p)?.slice(0, name === 'onJoinSpeed' ? 160 : 500)));
    await new Promise((resolve, reject) => Z.init({ leaveUrl: `${ORIGIN}/left`, patchJsMedia: false, disablePreview: true, leaveOnPageUnload: true, success: resolve, error: reject }));
    const started = performance.now();
    window.__started = started;
    Z.join({ signature, meetingNumber: MN, userName: 'Probe', passWord: '',
      success: (r) => { say(`JOIN SUCCESS after ${Math.round(performance.now() - started)} ms`, JSON.stringify(r)); window.__joined = true; },
      error: (e) => { say(`JOIN ERROR after ${Math.round(performance.now() - started)} ms`, JSON.stringify(e)); window.__joinError = e; } });
  }, { signature, MN, ORIGIN, LISTENERS });
}

const visibleText = () => page.evaluate(() => (document.getElementById(document.getElementById('root') ? 'root' : 'zmmtg-root') ?? document.body).innerText.replace(/\s+/g, ' ').trim().slice(0, 300)).catch((e) => String(e));
const shot = (tag) => page.screenshot({ path: `/tmp/research-helper/shot-${VIEW}-${SCENARIO}-${tag}.png` }).catch(() => {});
const watch = async (seconds, tag) => {
  const end = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < end) {
    const t = await visibleText();
    if (t !== last) { log(`UI text: ${t}`); last = t; }
    await page.waitForTimeout(1000);
  }
  await shot(tag);
};

if (VIEW === 'component' && (SCENARIO === 'waiting' || SCENARIO === 'waitroster' || SCENARIO === 'wait7942' || SCENARIO === 'waitadmit5')) {
  await page.waitForFunction(() => window.__joined || window.__joinError, null, { timeout: 45000 }).catch(() => {});
  await page.evaluate(() => {
    const c = window.__client;
    c.on('on-hold-change', (p) => console.log('probe: LATE on-hold-change listener', JSON.stringify(p)));
    console.log('probe: during hold getCurrentUser', JSON.stringify(c.getCurrentUser()));
  });
}
if (SCENARIO.startsWith('notstarted')) {
  await watch(LP ? 25 : 45, 'end');
} else if (SCENARIO === 'waiting' || SCENARIO === 'waitroster' || SCENARIO === 'wait7942' || SCENARIO === 'waitadmit5') {
  await watch(SCENARIO === 'waitadmit5' ? 32 : VIEW === 'client' ? 22 : 16, 'end');
} else {
  const ok = await page.waitForFunction(() => window.__joined || window.__joinError, null, { timeout: 45000 }).then(() => page.evaluate(() => !!window.__joined), () => false);
  log(`joined: ${ok}`);
  if (ok) {
    await page.waitForTimeout(VIEW === 'client' ? 2500 : 1500);
    log(`UI text: ${await visibleText()}`);
    if (SCENARIO === 'end' || SCENARIO === 'kick') {
      const msg = { evt: 7939, body: { reason: SCENARIO === 'end' ? 8 : 7 } };
      log(`WS <= ${JSON.stringify(msg)}`); rwg.send(JSON.stringify(msg));
      await watch(6, 'end');
    } else if (SCENARIO === 'drop') {
      log('=== double closes the RWG socket ==='); rwg.close({ code: 4000, reason: 'probe drop' });
      await watch(20, 'end');
    } else if (SCENARIO === 'dropdead') {
      dead = true;
      log('=== double closes the RWG socket and refuses everything from now on ==='); rwg.close({ code: 4000, reason: 'probe drop' });
      await watch(DEAD_WAIT, 'end');
    } else if (SCENARIO === 'nokeepalive') {
      await watch(70, 'end');
    } else {
      await watch(SCENARIO === 'webinar' ? 6 : 4, 'end');
      if (VIEW === 'component') log('state:', short(JSON.stringify(await page.evaluate(() => ({ me: window.__client.getCurrentUser(), info: window.__client.getCurrentMeetingInfo(), list: window.__client.getAttendeeslist() }))), 1200));
    }
  }
}
await browser.close();
server.close();
log('done');
