// view="auto" with the real SDK in a meeting run by the meeting double: what the element chose, and what it said
// about the device before and during the join. Shared by the desktop (test/device/) and phone (test/mobile/) runs.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomCapabilitiesDetail, ZoomJoinedDetail, ZoomPreflightDetail, ZoomTimingDetail, ZoomWarningDetail } from '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { meetingDouble } from '../support/meeting-double.js';
import { testSignature } from '../support/test-signature.js';
import { RELATIVE_ASSET_PATH, within } from '../sdk/real-sdk-support.js';

const MEETING_NUMBER = '12345678901';
/** The SDK's start is CPU-bound: on 2 busy cores a Client View join took up to ~30 s. */
const JOIN_WITHIN_MS = 90_000;

export interface AutoViewJoin {
  element: ZoomJoin;
  joined: ZoomJoinedDetail;
  timing: ZoomTimingDetail;
  capabilities: ZoomCapabilitiesDetail;
  warnings: ZoomWarningDetail[];
  preflight: ZoomPreflightDetail;
  /** Which view's SDK the meeting's frame holds, by the globals its bundle defines (sdk-realm.ts). */
  frameView: 'component' | 'client' | 'none';
  ms: number;
}

/**
 * An element without a `view` attribute (so `auto`, the default), preloaded (the view decided for the preload too),
 * joined to the double's meeting, and left again.
 */
export async function joinWithAutoView(): Promise<AutoViewJoin> {
  await meetingDouble.start({ topic: 'Auto view meeting', hostName: 'Grace Host' });
  const warnings: ZoomWarningDetail[] = [];
  let capabilities: ZoomCapabilitiesDetail | undefined;
  let preflight: ZoomPreflightDetail | undefined;
  let timing: ZoomTimingDetail | undefined;
  // On the document, before the element exists: a preload may report before fixture() returns.
  const onWarning = (event: Event) => warnings.push((event as CustomEvent<ZoomWarningDetail>).detail);
  const onCapabilities = (event: Event) => (capabilities = (event as CustomEvent<ZoomCapabilitiesDetail>).detail);
  const onPreflight = (event: Event) => (preflight = (event as CustomEvent<ZoomPreflightDetail>).detail);
  document.addEventListener('zoom-warning', onWarning);
  document.addEventListener('zoom-capabilities', onCapabilities);
  document.addEventListener('zoom-preflight', onPreflight);
  try {
    const started = performance.now();
    const element = await fixture<ZoomJoin>(
      html`<zoom-join preload="eager" join-timeout="120000" meeting-number=${MEETING_NUMBER} user-name="Ada Auto" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    expect(element.view, 'no view attribute: auto').to.equal('auto');
    element.signature = testSignature({ meetingNumber: MEETING_NUMBER });
    element.addEventListener('zoom-timing', (event) => (timing ??= event.detail));
    await waitUntil(() => element.status === 'ready', 'preloaded and the SDK made ready', { timeout: JOIN_WITHIN_MS });
    const failed = oneEvent(element, 'zoom-error').then((event) => {
      throw new Error(`the join failed: ${event.detail.code} ${event.detail.message}`);
    });
    const joined = oneEvent(element, 'zoom-joined');
    void element.join().catch(() => undefined);
    const { detail } = await within(Promise.race([joined, failed]), JOIN_WITHIN_MS, 'zoom-joined');
    const frame = element.querySelector<HTMLIFrameElement>('[slot=meeting] iframe');
    expect(frame, "the meeting's frame").to.exist;
    const realm = frame!.contentWindow as Window & Record<string, unknown>;
    const frameView = 'ZoomMtg' in realm ? 'client' : 'ZoomMtgEmbedded' in realm || 'ReactWidgets' in realm ? 'component' : 'none';
    await waitUntil(() => timing && preflight && capabilities, 'zoom-timing, zoom-preflight and zoom-capabilities', { timeout: 5000 });
    const ms = Math.round(performance.now() - started);
    const left = oneEvent(element, 'zoom-left');
    await element.leave();
    await within(left, 20_000, 'zoom-left');
    return { element, joined: detail, timing: timing!, capabilities: capabilities!, warnings, preflight: preflight!, frameView, ms };
  } finally {
    document.removeEventListener('zoom-warning', onWarning);
    document.removeEventListener('zoom-capabilities', onCapabilities);
    document.removeEventListener('zoom-preflight', onPreflight);
  }
}

export const DEVICE_WARNINGS = ['device-no-screen-share', 'device-no-virtual-background', 'device-no-gallery-view'];
