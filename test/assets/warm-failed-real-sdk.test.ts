// A warm-up that fails (here: js_media missing at the path it was told) must leave join exactly as it was: the
// real SDK then loads js_media itself and fails offline with the same -3000 as without any warming.
import { expect } from '@open-wc/testing';
import { assetUrl } from '../../src/assets/preloader.js';
import { warmJsMedia, warmSkipReason } from '../../src/assets/warm.js';
import { networkLog } from '../support/network-log.js';
import { joinRealSdkOffline } from './real-sdk-offline-join.js';

const LIB = new URL('/node_modules/@zoom/meetingsdk/dist/lib', window.location.href).href;
const BROKEN_LIB = new URL('/node_modules/@zoom/meetingsdk/dist/missing-lib', window.location.href).href;

describe('a failed warm-up (real SDK, Component View, offline)', function () {
  this.timeout(60000);

  it('rejects, leaves no js_media behind, and the join fails exactly as without warming', async () => {
    await networkLog({ clear: true });
    let warmError: unknown;
    try {
      await warmJsMedia(BROKEN_LIB);
    } catch (error) {
      warmError = error;
    }
    expect(String(warmError)).to.contain('Could not load');
    expect(warmSkipReason()).to.equal(undefined);
    expect(document.querySelector(`script[src="${assetUrl(BROKEN_LIB, 'js_media.min.js')}"]`)).to.equal(null);

    const { cleanUp } = await joinRealSdkOffline(LIB, 'Warm failed');
    const log = await networkLog();
    expect(log.filter((request) => request.url === assetUrl(LIB, 'js_media.min.js'))).to.have.length(1);
    await cleanUp();
  });
});
