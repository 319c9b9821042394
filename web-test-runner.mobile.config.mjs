// The tests in test/mobile/ on an emulated phone: Chromium's mobile emulation with Playwright's Pixel 7 descriptor
// (viewport, device scale, touch, isMobile, its Android Chrome user agent). Everything else as in the main config.
//
//   npx wtr --config web-test-runner.mobile.config.mjs [test/mobile/file.test.ts]
import { devices } from 'playwright-core';
import base, { chromiumLauncher } from './web-test-runner.config.mjs';

export const MOBILE_DEVICE = 'Pixel 7';

export default {
  ...base,
  files: ['test/mobile/**/*.test.ts'],
  browsers: [chromiumLauncher(devices[MOBILE_DEVICE])],
};
