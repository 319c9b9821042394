// Pins what the meeting double (demo/meeting-double/meeting-double.ts) and the adapters' in-meeting reading rely on
// to the installed SDK's own code, so an SDK update that changes the meeting service's conversation fails here, by
// name, instead of as a hang in a browser test. Minified names change with every build: only numbers, strings and
// the shape of the code around them are matched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EndReason, RwgEvent } from '../../../demo/meeting-double/meeting-double.js';

const sdk = fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk/', import.meta.url));
const bundles = {
  component: readFileSync(`${sdk}dist/zoomus-websdk-embedded.umd.min.js`, 'utf8'),
  client: readFileSync(`${sdk}dist/zoom-meeting-6.2.0.min.js`, 'utf8'),
};
const clientTypes = readFileSync(`${sdk}index.d.ts`, 'utf8');
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
});
