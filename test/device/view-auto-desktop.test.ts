// view="auto" on this desktop Chromium: the real SDK joining the meeting double's meeting (the phone's run:
// test/mobile/view-auto-phone.test.ts).
import { expect } from '@open-wc/testing';
import { DEVICE_WARNINGS, joinWithAutoView } from './view-auto-support.js';

describe('view="auto" on a desktop browser, real SDK', function () {
  this.timeout(240_000);

  it('takes the Component View, joins with it, and warns of nothing the device cannot do', async () => {
    expect(navigator.maxTouchPoints, 'no touch screen').to.equal(0);
    const run = await joinWithAutoView();
    console.log(`desktop: auto view joined in ${run.ms} ms (${JSON.stringify(run.timing.phases)})`);
    expect(run.joined.view).to.equal('component');
    expect(run.timing.view).to.equal('component');
    expect(run.frameView, "the component view's SDK in the meeting's frame").to.equal('component');
    expect(run.capabilities.device).to.equal('desktop');
    expect(run.capabilities.features.screenShare.enabled, 'a desktop Chromium can share its screen').to.equal(true);
    expect(run.warnings.map((warning) => warning.code).filter((code) => DEVICE_WARNINGS.includes(code))).to.deep.equal([]);
    expect(run.preflight).to.deep.include({ device: 'desktop', view: 'component' });
  });
});
