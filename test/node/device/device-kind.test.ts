import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deviceKindOf, resolveView } from '../../../src/device/device-kind.js';

const PIXEL_7 = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/159.0.8154.6 Mobile Safari/537.36';
const GALAXY_TAB = 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15';
const LINUX_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('deviceKindOf and resolveView (view="auto")', () => {
  test('phones by UA: Android "Mobile", iPhone', () => {
    assert.equal(deviceKindOf({ userAgent: PIXEL_7 }), 'phone');
    assert.equal(deviceKindOf({ userAgent: IPHONE }), 'phone');
  });

  test('tablets: Android without "Mobile", iPadOS asking for the desktop site (Macintosh with touch points)', () => {
    assert.equal(deviceKindOf({ userAgent: GALAXY_TAB }), 'tablet');
    assert.equal(deviceKindOf({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 5 }), 'tablet');
    assert.equal(deviceKindOf({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 0 }), 'desktop', 'a Mac has no touch points');
  });

  test('client hints win where they are real; empty brands (a UA override without hints) fall back to the UA', () => {
    assert.equal(deviceKindOf({ userAgent: LINUX_CHROME, userAgentData: { brands: [{ brand: 'Chromium' }], mobile: true } }), 'phone');
    assert.equal(deviceKindOf({ userAgent: PIXEL_7, userAgentData: { brands: [], mobile: false } }), 'phone');
    assert.equal(deviceKindOf({ userAgent: LINUX_CHROME, userAgentData: { brands: [{ brand: 'Chromium' }], mobile: false } }), 'desktop');
  });

  test('auto: the Component View on desktop, the Client View on phones and tablets; explicit views stay', () => {
    assert.equal(resolveView('auto', { userAgent: LINUX_CHROME }), 'component');
    assert.equal(resolveView('auto', { userAgent: PIXEL_7 }), 'client');
    assert.equal(resolveView('auto', { userAgent: GALAXY_TAB }), 'client');
    assert.equal(resolveView(undefined, { userAgent: IPHONE }), 'client');
    assert.equal(resolveView('component', { userAgent: PIXEL_7 }), 'component');
    assert.equal(resolveView('client', { userAgent: LINUX_CHROME }), 'client');
  });
});
