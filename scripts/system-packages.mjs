// npm test's first step: the programs the tests drive that npm cannot install — Debian's Chromium (browser, e2e and
// drop-in tests) and redis-server (the shared rate-limit tests). Missing ones are installed with apt-get when this
// runs as root; otherwise it stops at once with the command to run, before minutes of build and tests.
// It imports nothing from the checkout (it runs before anything is known to work, and its test runs a copy of it as
// an unprivileged user who may not be able to read the checkout).
//
//   node scripts/system-packages.mjs     # CHROMIUM_PATH and REDIS_SERVER_PATH point elsewhere
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const needed = [
  { name: 'Chromium', path: CHROMIUM_PATH, variable: 'CHROMIUM_PATH', debianPackage: 'chromium' },
  { name: 'redis-server', path: REDIS_SERVER_PATH, variable: 'REDIS_SERVER_PATH', debianPackage: 'redis-server' },
];

function isProgram(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const missing = needed.filter((program) => !isProgram(program.path));
if (missing.length === 0) process.exit(0);

const packages = missing.map((program) => program.debianPackage).join(' ');
const install = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages}`;
const listing = missing.map(
  (program) =>
    `  ${program.name}: nothing at ${program.path} ` +
    (process.env[program.variable] ? `(set by ${program.variable})` : `(${program.variable} can point elsewhere)`),
);

if (!existsSync('/usr/bin/apt-get')) {
  console.error(
    [
      'npm test needs programs npm cannot install:',
      ...listing,
      `This machine has no apt-get. Install ${packages} with its package manager, set the variables above to where`,
      'they are, and run npm test again.',
    ].join('\n'),
  );
  process.exit(1);
}

if (process.getuid?.() !== 0) {
  console.error(
    [
      'npm test needs programs npm cannot install:',
      ...listing,
      "Install Debian's packages (this needs root), then run npm test again:",
      '',
      `  sudo sh -c '${install}'`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

console.log(`Installing Debian's ${packages} for the tests: ${install}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', ...packages.split(' ')]]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}); see its output above.`);
    process.exit(1);
  }
}

const stillMissing = missing.filter((program) => !isProgram(program.path));
if (stillMissing.length > 0) {
  console.error(
    stillMissing
      .map((program) => `${program.name} was installed, but there is still nothing at ${program.path}: fix ${program.variable}.`)
      .join('\n'),
  );
  process.exit(1);
}
