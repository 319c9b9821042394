// view="auto" on a phone: Chromium's mobile emulation of a Pixel 7 (web-test-runner.mobile.config.mjs), the real SDK
// joining the meeting double's meeting.
import { expect } from '@open-wc/testing';
import { DEVICE_WARNINGS, joinWithAutoView } from '../device/view-auto-support.js';

describe('view="auto" on a phone (Pixel 7 emulation), real SDK', function () {
  this.timeout(240_000);

  it('the page is a phone: touch, a phone viewport, the Pixel 7 user agent', () => {
    expect(navigator.userAgent).to.contain('Pixel 7');
    expect(navigator.maxTouchPoints, 'touch').to.be.greaterThan(0);
    expect(screen.width, "a phone's screen").to.equal(412);
    expect(matchMedia('(pointer: coarse)').matches, 'a finger, not a mouse').to.equal(true);
    console.log(`phone: userAgentData ${JSON.stringify((navigator as Navigator & { userAgentData?: unknown }).userAgentData)}, getDisplayMedia ${typeof navigator.mediaDevices?.getDisplayMedia}`);
  });

  it("takes the Client View, joins with it, and says what the phone cannot do (screen share, virtual background, gallery view)", async () => {
    const run = await joinWithAutoView();
    console.log(`phone: auto view joined in ${run.ms} ms (${JSON.stringify(run.timing.phases)})`);
    expect(run.joined.view, 'zoom-joined names the view that ran').to.equal('client');
    expect(run.timing.view).to.equal('client');
    expect(run.frameView, "the client view's SDK in the meeting's frame").to.equal('client');
    expect(run.capabilities.device).to.equal('phone');
    const { screenShare, virtualBackground, galleryView } = run.capabilities.features;
    expect([screenShare.enabled, virtualBackground.enabled, galleryView.enabled]).to.deep.equal([false, false, false]);
    // Chromium's emulation keeps the desktop getDisplayMedia: the reason is the phone, not a missing API.
    expect(screenShare.reason).to.match(/phone and tablet/);
    expect(run.warnings.map((warning) => warning.code).filter((code) => DEVICE_WARNINGS.includes(code))).to.deep.equal(DEVICE_WARNINGS);
    expect(run.warnings.find((warning) => warning.code === 'device-no-screen-share')!.message).to.match(/^Screen sharing is not available here/);
    expect(run.preflight).to.deep.include({ device: 'phone', view: 'client' });
    expect(run.preflight.browser).to.deep.include({ name: 'Chrome', supported: true });
  });
});
