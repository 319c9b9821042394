// Debian's Chromium for every browser run (test runner, e2e, drop-in test, benchmarks): one path and one flag set.
// Never a browser downloaded by a test tool.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Root needs --no-sandbox; the rest keep Chromium from calling Google's services, which this machine's closed
 * network refuses many times a second.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
