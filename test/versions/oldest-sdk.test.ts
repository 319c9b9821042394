// The oldest SDK version zoom-join supports (@zoom/meetingsdk 5.0.0, installed as the npm alias
// @zoom/meetingsdk-oldest), run for real in both views: a join Zoom refuses (3712, answered by the Zoom double) must
// be diagnosed as with the newest version, and a join into a meeting (the meeting double) must work and leave.
// The newest version runs every other real-SDK suite.
import { expect } from '@open-wc/testing';
import type { SdkView } from '../../src/zoom-join-error.js';
import { OLDEST_TESTED_SDK_VERSION } from '../../src/sdk/version.js';
import { expectMeetingOver, joinMeeting, leftFor, meetingDouble } from '../meeting/real-meeting-support.js';
import { OLDEST_ASSET_PATH } from '../sdk/real-sdk-support.js';
import { joinAgainst } from '../sdk/zoom-answers-support.js';
import { networkLog, type LoggedRequest } from '../support/network-log.js';

const WC_INFO = /zoom\.us\/api\/v1\/wc\/info/;

/**
 * The SDK files this page loaded: none from the newest version's folder, and (the first time, before the browser
 * cache answers without a request) the view's bundle from the oldest's.
 */
function expectOldestOnly(log: LoggedRequest[], firstLoad: boolean): void {
  const sdkFiles = log.map((request) => new URL(request.url)).filter((url) => url.pathname.startsWith('/node_modules/@zoom/'));
  expect(sdkFiles.filter((url) => url.pathname.startsWith('/node_modules/@zoom/meetingsdk/')).map(String), 'nothing of the newest SDK').to.deep.equal([]);
  const bundles = sdkFiles.filter((url) => /\/dist\/(zoom-meeting-|zoomus-websdk)[^/]*\.js$/.test(url.pathname)).map((url) => url.pathname);
  if (firstLoad) expect(bundles.length, 'the view bundle came from the oldest SDK').to.be.greaterThan(0);
  for (const bundle of bundles) expect(bundle.startsWith('/node_modules/@zoom/meetingsdk-oldest/dist/')).to.equal(true);
}

/** SDK 5.x asks wc/info with a JSONP GET naming its version, not 6.x's XHR POST. */
function expectJsonpAsk(log: LoggedRequest[]): void {
  const asks = log.filter((request) => WC_INFO.test(request.url));
  expect(asks.length, 'the SDK asked Zoom').to.be.greaterThan(0);
  for (const ask of asks) {
    expect(ask.method).to.equal('GET');
    const query = new URL(ask.url).searchParams;
    // zoomsdkjsonpcallback<N> (Component View), localJsonpCallback<N> (Client View).
    expect(query.get('callback')).to.match(/^[A-Za-z]+[Cc]allback\d+$/);
    expect(query.get('cv')).to.equal(OLDEST_TESTED_SDK_VERSION);
  }
}

const VIEWS = ['component', 'client'] as const satisfies readonly SdkView[];

// Zoom's refusals first: once a page has a meeting double, its routes answer wc/info ahead of the Zoom double's.
describe(`oldest supported SDK (${OLDEST_TESTED_SDK_VERSION}): Zoom refuses the signature`, function () {
  this.timeout(60_000);
  for (const view of VIEWS) {
    it(`${view} view: a signature Zoom refuses (3712) is diagnosed as signature-invalid, with Zoom's number`, async () => {
      await networkLog({ clear: true });
      const outcome = await joinAgainst('invalid-signature-as-3712', view, 20_000, OLDEST_ASSET_PATH);
      if (outcome.kind !== 'error') throw new Error(`expected zoom-error signature-invalid, got ${outcome.kind} after ${Math.round(outcome.ms)} ms`);
      const { error } = outcome;
      expect({ code: error.code, category: error.category, sdkCode: error.sdkCode, view: error.view }).to.deep.equal({
        code: 'signature-invalid',
        category: 'signature',
        sdkCode: 3712,
        view,
      });
      expect(error.steps.join(' ')).to.contain('Meeting SDK app');
      const log = await networkLog();
      expectJsonpAsk(log);
      expectOldestOnly(log, true);
    });
  }
});

describe(`oldest supported SDK (${OLDEST_TESTED_SDK_VERSION}): in a meeting`, function () {
  this.timeout(180_000);
  for (const view of VIEWS) {
    it(`${view} view: joins a meeting and leaves it`, async () => {
      await networkLog({ clear: true });
      const meeting = await joinMeeting(view, { assetPath: OLDEST_ASSET_PATH });
      expect(meeting.statuses).to.deep.equal(['signing', 'joining', 'joined']);
      const reason = await leftFor(meeting.element, () => meeting.element.leave());
      expect(reason).to.equal('user');
      await expectMeetingOver(meeting);
      const record = await meetingDouble.record();
      expect(record.sent[0], 'the SDK asked to join (4301)').to.equal(4301);
      expect(record.sent, 'the SDK told Zoom it left (4103)').to.include(4103);
      const log = await networkLog();
      expectJsonpAsk(log);
      expectOldestOnly(log, false);
    });
  }
});
