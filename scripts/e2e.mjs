// End-to-end tests: the demo's dev server (Vite, in process) driven by Playwright in Debian's Chromium.
// `node scripts/e2e.mjs [test/e2e/<file>.e2e.ts ...]`; CHROMIUM_PATH overrides /usr/bin/chromium.
// Suites run one at a time: each starts its own dev server and browser, and the timing-based scenarios (freeze,
// slow assets, timeouts) should not compete for the CPU.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  for (const name of readdirSync('test/e2e').sort()) if (name.endsWith('.e2e.ts')) files.push(`test/e2e/${name}`);
}

// Each suite adds its axe-core results to this file; a run starts it afresh.
rmSync('test-results/axe-results.json', { force: true });

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
