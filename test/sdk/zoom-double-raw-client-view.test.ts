// The Zoom double pinned to the real Client View: given the double's answer for an invalid signature, the SDK's own
// join `error` callback must receive exactly what a developer saw in the field for an OAuth-signed token. If this
// fails, the double's answer shapes no longer match what the SDK reads, and every test built on them proves nothing.
import { expect } from '@open-wc/testing';
import { testSignature } from '../support/test-signature.js';
import { answerZoomWith } from '../support/zoom-double.js';
import { RELATIVE_ASSET_PATH, within } from './real-sdk-support.js';

interface CallbackOptions {
  [key: string]: unknown;
  success?: (value: unknown) => void;
  error?: (value: unknown) => void;
}

interface ZoomMtgApi {
  setZoomJSLib(path: string, dir: string): void;
  preLoadWasm(): unknown;
  prepareWebSDK(): unknown;
  init(options: CallbackOptions): void;
  join(options: CallbackOptions): void;
}

function call(invoke: (options: CallbackOptions) => void, options: CallbackOptions): Promise<{ ok: boolean; value: unknown }> {
  return new Promise((resolve) => {
    invoke({
      ...options,
      success: (value) => resolve({ ok: true, value }),
      error: (value) => resolve({ ok: false, value }),
    });
  });
}

describe('the Zoom double against the real Client View', function () {
  this.timeout(60000);

  it("calls the join error callback with the field's 3712 object for the double's invalid-signature answer", async () => {
    await answerZoomWith('invalid-signature');
    // The raw ZoomMtg of the npm module, in this page (the pre-bundled module nests it).
    const module: unknown = await import('@zoom/meetingsdk');
    const { ZoomMtg } = module as { ZoomMtg?: ZoomMtgApi; default?: { ZoomMtg?: ZoomMtgApi } };
    const zoom = ZoomMtg ?? (module as { default?: { ZoomMtg?: ZoomMtgApi } }).default?.ZoomMtg;
    if (!zoom) throw new Error('@zoom/meetingsdk did not export ZoomMtg');
    zoom.setZoomJSLib(new URL(RELATIVE_ASSET_PATH, window.location.href).href, '/av');
    await zoom.preLoadWasm();
    await zoom.prepareWebSDK();
    const initialised = await call((o) => zoom.init(o), { leaveUrl: window.location.href, patchJsMedia: false });
    expect(initialised.ok, 'init succeeds').to.equal(true);

    const joined = await within(
      call((o) => zoom.join(o), {
        signature: testSignature({ meetingNumber: '12345678901' }),
        meetingNumber: '12345678901',
        userName: 'Double test',
        passWord: '',
      }),
      20000,
      'the join callback',
    );
    expect(joined.ok).to.equal(false);
    expect(joined.value).to.deep.equal({
      method: 'join',
      status: false,
      result: 'Invalid signature.',
      errorMessage: 'Signature is invalid.',
      errorCode: 3712,
    });
  });
});
