import { executeServerCommand } from '@web/test-runner-commands';
import { wcInfoResponse, zoomDoubleScenario, type ZoomDoubleScenario } from '../../demo/zoom-double/wc-info.js';

/**
 * Makes this test page's requests to Zoom's join web service get the double's answer for `scenario` (Playwright
 * routing in web-test-runner.config.mjs); `'hang'` leaves them unanswered; `null` fails them as offline.
 */
export async function answerZoomWith(scenario: string | 'hang' | null): Promise<ZoomDoubleScenario | undefined> {
  if (scenario === null) {
    await executeServerCommand('zoom-double', null);
    return undefined;
  }
  if (scenario === 'hang') {
    await executeServerCommand('zoom-double', { hang: true });
    return undefined;
  }
  const found = zoomDoubleScenario(scenario);
  if (!found) throw new Error(`the Zoom double has no scenario "${scenario}"`);
  await executeServerCommand('zoom-double', { response: wcInfoResponse(found, window.location.origin) });
  return found;
}
