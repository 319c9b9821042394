import { expect } from '@open-wc/testing';
import { ZoomJoinError } from '../../src/zoom-join-error.js';
import { ComponentViewAdapter } from '../../src/sdk/component-view-adapter.js';
import { testSignature } from '../support/test-signature.js';

/** How the real Component View's join ends here (zoom.us unreachable): the baseline the asset tests compare with. */
export const OFFLINE_JOIN_FAILURE = {
  code: 'connection-error',
  category: 'network',
  sdkCode: -3000,
  sdkType: 'JOIN_MEETING_FAILED',
  retryable: true,
};

export interface OfflineJoin {
  error: ZoomJoinError;
  /** performance.now() just before join(): Resource Timing entries after it belong to the join. */
  joinStartedAt: number;
  /** Destroys the client and removes its root. */
  cleanUp(): Promise<void>;
}

/** load → init → join on the real SDK from `libUrl`, asserting that it failed exactly like OFFLINE_JOIN_FAILURE. */
export async function joinRealSdkOffline(libUrl: string, userName: string): Promise<OfflineJoin> {
  const root = document.createElement('div');
  document.body.append(root);
  const adapter = new ComponentViewAdapter();
  const signal = new AbortController().signal;
  await adapter.load({ root, libUrl }, signal);
  await adapter.init({ root, libUrl, selfHosted: true, language: 'en-US' }, signal);
  const joinStartedAt = performance.now();
  const error = await adapter
    .join({ meetingNumber: '12345678901', userName, signature: testSignature({ meetingNumber: '12345678901' }) }, signal)
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(error).to.be.instanceOf(ZoomJoinError);
  const { code, category, sdkCode, sdkType, retryable } = error as ZoomJoinError;
  expect({ code, category, sdkCode, sdkType, retryable }).to.deep.equal(OFFLINE_JOIN_FAILURE);
  return {
    error: error as ZoomJoinError,
    joinStartedAt,
    cleanUp: async () => {
      await adapter.destroy();
      root.remove();
    },
  };
}
