// Pins what the meeting double (demo/meeting-double/meeting-double.ts) and the adapters' in-meeting reading rely on
// to the installed SDK's own code, so an SDK update that changes the meeting service's conversation fails here, by
// name, instead of as a hang in a browser test. Minified names change with every build: only numbers, strings and
// the shape of the code around them are matched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AuthorizationRefusal, EndReason, RwgEvent } from '../../../demo/meeting-double/meeting-double.js';

const sdk = fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk/', import.meta.url));
const bundles = {
  component: readFileSync(`${sdk}dist/zoomus-websdk-embedded.umd.min.js`, 'utf8'),
  client: readFileSync(`${sdk}dist/zoom-meeting-6.2.0.min.js`, 'utf8'),
};
const clientTypes = readFileSync(`${sdk}index.d.ts`, 'utf8');
/** The Client View's meeting UI, a chunk the Client View loads: its join-failure and meeting-ended dialogs. */
const clientUi = readFileSync(`${sdk}dist/ui/zoomus-websdk-main-client.umd.min.js`, 'utf8');
const adapterSource = readFileSync(fileURLToPath(new URL('../../../src/sdk/component-view-adapter.ts', import.meta.url)), 'utf8');

function has(view: keyof typeof bundles, pattern: RegExp, what: string): void {
  assert.match(bundles[view], pattern, `the ${view} view bundle no longer ${what}: re-derive the meeting double from it`);
}

describe('the meeting service as both SDK bundles speak it', () => {
  for (const view of ['component', 'client'] as const) {
    test(`${view} view: the RWC ping, the RWG socket and the READY greeting`, () => {
      has(view, /\/wc\/ping\//, 'asks the RWC at /wc/ping/<meeting number>');
      has(view, /\/wc\/api\//, 'opens the RWG socket at /wc/api/<meeting number>');
      has(view, /"READY"===\(null===\([\w$]+=[\w$]+\.payload\.body\)/, "waits for the RWG's {evt:0, body:{status:'READY'}}");
      has(view, /encryptedRWC/, 'reads encryptedRWC from the wc/info answer');
    });

    test(`${view} view: the message numbers the double sends and reads`, () => {
      for (const [name, evt] of Object.entries(RwgEvent)) {
        if (evt === 0) continue;
        has(view, new RegExp(`\\b${evt}\\b`), `knows message ${evt} (${name})`);
      }
      has(view, new RegExp(`KickedByHost=${EndReason.kickedByHost}\\]`), `names 7939 reason ${EndReason.kickedByHost} KickedByHost`);
      has(view, new RegExp(`EndByHost=${EndReason.endedByHost}\\]`), `names 7939 reason ${EndReason.endedByHost} EndByHost`);
    });
  }

  test('component view: the reasons its connection-change Closed carries are the ones the adapter reads', () => {
    has('component', /[\w$]+\.KickedByHost===[\w$]+\.reason\?[\w$]+\([\w$]+,\{reason:"kicked by host"\}\)/, 'closes with "kicked by host" for 7939 reason KickedByHost');
    has('component', /\[[\w$]+\.EndByHost,[^\]]*\]\.includes\([\w$]+\.reason\)\?[\w$]+\([\w$]+,\{reason:"ended by host"\}\)/, 'closes with "ended by host" for 7939 reason EndByHost');
    const removed = /const REMOVED_REASONS = new Set\(\[([^\]]*)\]\)/.exec(adapterSource)?.[1];
    assert.ok(removed, 'the adapter lists the reasons that mean removed');
    for (const reason of removed.split(',').map((quoted) => quoted.trim().replace(/^'|'$/g, ''))) {
      assert.ok(bundles.component.includes(`"${reason}"`), `the bundle still says "${reason}"`);
    }
  });

  test('client view: failover refreshes its tokens, and the meeting UI reads call_out_country_json as a list', () => {
    has('client', /\/wc\/refresh_tokens/, 'refreshes its tokens at /wc/refresh_tokens when it fails over');
    has('client', /call_out_country_json/, 'reads call_out_country_json from the wc/info answer');
  });

  test("client view: onUserLeave's reasonCode 6 is the user removed by the host; onMeetingStatus 2/3/4 as the adapter reads them", () => {
    assert.match(clientTypes, /KICK_OUT_FROM_MEETING: 6/, 'index.d.ts documents reasonCode 6 as KICK_OUT_FROM_MEETING');
    const statuses = /enum onMeetingStatus \{([^}]*)\}/.exec(clientTypes)?.[1]?.replace(/\s+/g, ' ').trim();
    assert.equal(statuses, 'connecting = 1, connected = 2, disconnected = 3, reconnecting = 4,');
  });

  // Another account's meeting (the double's `authorization`): how each view sends the OBF token or ZAK, how Zoom's
  // refusal in the join answer becomes the SDK's code, and how the authorising user's leaving reaches the page.
  test('component view: a ZAK goes to wc/info as ztk (zsk for a host), the OBF token only to the store; 4301 carries obfToken, or else zak', () => {
    // join(): `v&&(w?Object.assign(c,{zsk:v,ulsm:1}):Object.assign(c,{ztk:v}), ...)` — c is the wc/info form.
    has('component', /\?Object\.assign\([\w$]+,\{zsk:[\w$]+,ulsm:1\}\):Object\.assign\([\w$]+,\{ztk:[\w$]+\}\)/, 'sends a ZAK to wc/info as zsk (host) or ztk');
    // join(): `s&&d(qh(s))` keeps the OBF token in its store (reducer `e.obfToken=t`), never in the wc/info form.
    const form = /;const [\w$]+=\{apiKey:[\w$]+,signatureType:[\w$]+,signature:[\w$]+,meetingNumber:[\w$]+,userName:[\w$]+,lang:[\w$]+,passWord:[^;]*?proxy:1,ulsm:0,cv:[\w$]+\};/.exec(bundles.component)?.[0];
    assert.ok(form, "the component view bundle no longer builds join()'s wc/info form as read: re-derive the meeting double from it");
    assert.ok(!form.includes('obfToken'), 'the wc/info form now carries the OBF token: the double should read it there');
    // meetingMainEpics0, on READY: `o?Object.assign(p,{obfToken:o}):(s&&Object.assign(p,{zak:s}),i&&Object.assign(p,{zak:i}))`.
    has('component', /[\w$]+\?Object\.assign\([\w$]+,\{obfToken:[\w$]+\}\):\([\w$]+&&Object\.assign\([\w$]+,\{zak:[\w$]+\}\),[\w$]+&&Object\.assign\([\w$]+,\{zak:[\w$]+\}\)\)/, 'sends obfToken in the launch parameters, else zak');
  });

  test('client view: wc/info carries zak, zsk and obfToken (URI-encoded); 4301 carries obfToken, or else zak', () => {
    has('client', /zak:([\w$]+)\.zak\|\|"",zsk:\1\.zak\|\|""/, 'sends the ZAK to wc/info as zak and zsk');
    has('client', /obfToken:([\w$]+)\.obfToken\?encodeURIComponent\(\1\.obfToken\):""/, 'sends the OBF token to wc/info, URI-encoded');
    // The launch parameters' builder: `a?S.obfToken=a:(S.zak=s||null,S.iak=u||null,S.cred=c||null)`.
    has('client', /[\w$]+\?([\w$]+)\.obfToken=[\w$]+:\(\1\.zak=[\w$]+\|\|null,/, 'sends obfToken in the launch parameters, else zak');
  });

  const refusals = [
    { res: AuthorizationRefusal.anonymous, code: 4012, component: 'anonymous join error', client: 'apac.errorcodes_not_allow_anonymous_join' },
    { res: AuthorizationRefusal.tokenInvalid, code: 4014, component: 'obfToken is invalid', client: 'apac.errorcodes_obf_invalid' },
    { res: AuthorizationRefusal.meetingMismatch, code: 4015, component: 'obfToken does not match the meeting number', client: 'apac.errorcodes_obf_meeting_number_mismatch' },
    { res: AuthorizationRefusal.authorizingUserAbsent, code: 4017, component: 'authorized user not in meeting', client: 'apac.errorcodes_authorized_user_not_in_meeting' },
  ];

  test("component view: the join answer's res 13296/13299/13300/103041 becomes join()'s rejection {type: JOIN_MEETING_FAILED, reason, errorCode 4012/4014/4015/4017}", () => {
    for (const { res, code, component } of refusals) has('component', new RegExp(`\\b${res}:\\{"${component}":${code}\\}`), `maps join answer res ${res} to "${component}" ${code}`);
    has('component', /[\w$]+="JOIN_MEETING_FAILED"/, 'names the join failure JOIN_MEETING_FAILED');
    // meetingMainEpics1: every res it does not name goes through the table: `else nc(si,iP(n));return Mn(JM(t,!1))`.
    has('component', /else [\w$]+\([\w$]+,[\w$]+\([\w$]+\)\);return [\w$]+\([\w$]+\([\w$]+,!1\)\)\}\)\),meetingMainEpics2:/, "reports any other join answer res through its table and leaves");
  });

  test("client view: the same res become onMeetingStatus {meetingStatus: 3, errorCode, errorMessage} from its join-failure dialog, and no join callback", () => {
    for (const { res, code, client } of refusals) has('client', new RegExp(`\\b${res}:\\{"${client}":${code}\\}`), `maps join answer res ${res} to ${client} ${code}`);
    // The "Unable to join this meeting" dialog: for 4012..4018 `(0,b.c3)(y.v1,{data:{meetingStatus:3,errorCode:i,errorMessage:e}})`.
    assert.match(clientUi, /if\(4012===([\w$]+)\|\|4013===\1\|\|4014===\1\|\|4015===\1\|\|4016===\1\|\|4017===\1\|\|4018===\1\)/, 'the join-failure dialog picks out 4012-4018');
    assert.match(clientUi, /\([\w$]+\.[\w$]+,\{data:\{meetingStatus:3,errorCode:[\w$]+,errorMessage:[\w$]+\}\}\)/, 'the join-failure dialog tells onMeetingStatus 3 with errorCode and errorMessage');
  });

  for (const view of ['component', 'client'] as const) {
    test(`${view} view: the authorising user leaving is 7939 reason ${EndReason.authorizingUserLeft} (KickedDueToMasterLeave), shown as 4019`, () => {
      has(view, new RegExp(`KickedDueToMasterLeave=${EndReason.authorizingUserLeft}\\]`), `names 7939 reason ${EndReason.authorizingUserLeft} KickedDueToMasterLeave`);
      has(view, /\.KickedDueToMasterLeave===[\w$]+\.reason\?[\w$]+\([\w$]+,\{reason:"bot user kicked due to master leaving"\}\)/, 'closes with "bot user kicked due to master leaving" for it');
    });
  }

  test('component view: its Closed reason for 7939 21 is the one its own UI shows as 4019', () => {
    has('component', /"bot user kicked due to master leaving"===[\w$]+\?[\w$]+\+" Error Code: 4019"/, 'shows "bot user kicked due to master leaving" as Error Code 4019');
  });

  test('client view: 7939 21 ends the meeting with onMeetingStatus 3 and the meeting-ended dialog says 4019 (no errorCode reaches the page)', () => {
    has('client', new RegExp(`21:\\{"apac\\.errorcodes_authorized_user_leave_meeting":4019\\}`), 'maps reason 21 to apac.errorcodes_authorized_user_leave_meeting 4019');
    // The meeting-ended dialog's case for type 21: `_=\`${c.gZH} ${c.iyt} 4019\``.
    assert.match(clientUi, /[\w$]+=`\$\{[\w$]+\.[\w$]+\} \$\{[\w$]+\.[\w$]+\} 4019`/, 'the meeting-ended dialog says Error Code 4019');
    // endMeetingJob: reason 21 shares the ended-by-host case, `notifyConnectorZoomMsg(…,{meetingStatus:3})` and the dialog.
    has('client', /case ([\w$]+)\.[\w$]+:(?:case \1\.[\w$]+:)+[\w$]+\.[\w$]+\.externalController\.notifyConnectorZoomMsg\([\w$.]+,[\w$.]+,\{meetingStatus:3\}\),\(0,[\w$]+\.[\w$]+\)\([\w$]+,[\w$]+\)&&\([\w$]+\(\{type:[\w$.]+,data:!1\}\),[\w$]+\(\(0,[\w$]+\.[\w$]+\)\(\{visible:!0,type:[\w$]+\.body\.reason\}\)\)/, "ends the meeting for a list of 7939 reasons with onMeetingStatus 3 and the meeting-ended dialog of that reason");
  });
});
