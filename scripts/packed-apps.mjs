// Packed-package apps: the package as users get it. `npm pack`s the built package, installs the tarball and
// @zoom/meetingsdk into three apps in a temp folder — React 19 + Vite, Next.js (app router), a plain HTML page with
// the drop-in script — with the README's own install commands, builds them (next build without Zoom secrets), serves
// the builds and has each page's <zoom-join> join in Chromium until the SDK's offline connection error (-3000).
//
//   node scripts/packed-apps.mjs            # after npm run build; KEEP_APPS=1 keeps the temp folder
//   node scripts/packed-apps.mjs next       # only the named apps (react-vite, next, plain-html)
//
// The apps run in parallel, each from install to its page's verdict, in one shared Chromium.
import { spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const APPS = ['react-vite', 'next', 'plain-html'];
const chosen = process.argv.slice(2);
for (const name of chosen) if (!APPS.includes(name)) fail(`unknown app "${name}": one of ${APPS.join(', ')}`);
const apps = chosen.length > 0 ? chosen : APPS;
/** How the element ends a join here, where zoom.us is unreachable: the SDK's connection error. */
const OFFLINE_JOIN = { code: 'connection-error', sdkCode: -3000 };
// Made-up credentials: the page checks the signature's form, and Zoom, which would check the rest, is never reached.
const SECRETS = { ZOOM_MEETING_SDK_KEY: 'packedAppsClientId', ZOOM_MEETING_SDK_SECRET: 'packed-apps-made-up-secret-0123456789' };

function fail(message) {
  console.error(`packed-apps: ${message}`);
  process.exit(1);
}

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** Runs a command, keeping its output for the error; resolves with stdout. */
function run(command, args, { cwd, env = process.env, label }) {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? done(stdout) : reject(new Error(`${label}: \`${command} ${args.join(' ')}\` exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}

/** Splits a README command line into arguments (only single quotes, as the README uses). */
function words(line) {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

/** The install commands of the README's Install section, so the apps install exactly as a reader would. */
function readmeInstall() {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Install\n'));
  if (!section) fail('README.md has no "## Install" section');
  const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1].trim().split('\n'));
  const install = lines.find((line) => line.startsWith('npm install zoom-join '));
  const overrides = lines.find((line) => line.startsWith('npm pkg set '));
  if (!install || !overrides) fail(`README.md's Install section lost its commands: ${JSON.stringify(lines)}`);
  return { install: words(install), overrides: words(overrides) };
}

function freePort() {
  return new Promise((done, reject) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', reject);
  });
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A static server, as a CDN would serve a build, with the app's own zoom-join/server (from the tarball) at
 * /api/signature, hosted the way a Node user would: Fetch Request in, Response out.
 */
async function serveStatic(folder, appDir) {
  const serverModule = join(appDir, 'node_modules/zoom-join/dist/server/index.js');
  const { createSignatureHandler } = await import(pathToFileURL(serverModule).href);
  const signature = createSignatureHandler({ sdkKey: SECRETS.ZOOM_MEETING_SDK_KEY, sdkSecret: SECRETS.ZOOM_MEETING_SDK_SECRET, rateLimit: false });
  const root = resolve(folder);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/signature') {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const answer = await signature(
        new Request(new URL(url.pathname, `http://${request.headers.host}`), {
          method: request.method,
          headers: Object.entries(request.headers).filter((entry) => typeof entry[1] === 'string'),
          body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
        }),
      );
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (file !== root && !file.startsWith(root + sep)) file = root;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

/** `next start` on a free port, with the secrets the build did not have; resolves once it answers. */
async function serveNext(appDir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const env = { ...process.env, ...SECRETS, APP_ORIGIN: new URL(url).origin, NEXT_TELEMETRY_DISABLED: '1' };
  const child = spawn(process.execPath, [join(appDir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${output}`);
    if (tries > 300) throw new Error(`next start did not answer within 30 s\n${output}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    close: () => new Promise((done) => (child.once('exit', () => done()), child.kill())),
  };
}

const BUILDS = {
  'react-vite': async (dir) => {
    await run(process.execPath, [join(dir, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, label: 'react-vite build' });
    return () => serveStatic(join(dir, 'dist'), dir);
  },
  next: async (dir) => {
    // As docs/deployment.md says for any other server: the SDK's files copied into what the app serves.
    cpSync(join(dir, 'node_modules/@zoom/meetingsdk/dist'), join(dir, 'public/zoom-sdk'), { recursive: true });
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    // The build must not need the secrets (a CI building the app has none).
    for (const name of Object.keys(SECRETS)) delete env[name];
    await run(process.execPath, [join(dir, 'node_modules/next/dist/bin/next'), 'build'], { cwd: dir, env, label: 'next build' });
    return () => serveNext(dir);
  },
  'plain-html': async (dir) => () => serveStatic(dir, dir),
};

async function prepare(name, tarball, commands, work) {
  const dir = join(work, name);
  cpSync(join(repo, 'test/apps', name), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const started = performance.now();
  const npmArgs = (command) => command.slice(1);
  // Only React apps need the README's override (the SDK asks for react 18.2.0 exactly).
  if (manifest.dependencies?.react) await run('npm', npmArgs(commands.overrides), { cwd: dir, label: `${name} npm pkg set` });
  const install = npmArgs(commands.install).map((word) => (word === 'zoom-join' ? tarball : word));
  await run('npm', [...install, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, label: `${name} install` });
  const installSeconds = seconds(started);
  const buildStarted = performance.now();
  const serve = await BUILDS[name](dir);
  return { name, serve, installSeconds, buildSeconds: seconds(buildStarted) };
}

/** Opens the page, presses Join, and waits for the element's error; returns its code and the SDK's. */
async function joinOffline(browser, url) {
  const page = await browser.newPage();
  const console = [];
  page.on('console', (message) => console.push(message.text()));
  page.on('pageerror', (error) => console.push(String(error)));
  try {
    await page.goto(url);
    await page.locator('zoom-join [part=join-button]').click({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('zoom-join')?.status === 'error', undefined, { timeout: 90_000 });
    return await page.evaluate(() => {
      const { code, sdkCode } = document.querySelector('zoom-join').error;
      return { code, sdkCode };
    });
  } catch (error) {
    throw new Error(`${url}: ${error.message}\npage console:\n${console.join('\n')}`);
  } finally {
    await page.close();
  }
}

/** One app from copy to verdict; its line says what each step cost. */
async function check(name, tarball, commands, work, browser) {
  const app = await prepare(name, tarball, commands, work);
  const runStarted = performance.now();
  const times = `install ${app.installSeconds} s, build ${app.buildSeconds} s`;
  let server;
  try {
    server = await app.serve();
    const outcome = await joinOffline(await browser, server.url);
    if (outcome.code !== OFFLINE_JOIN.code || outcome.sdkCode !== OFFLINE_JOIN.sdkCode) {
      throw new Error(`the join ended in ${JSON.stringify(outcome)}, not the offline ${JSON.stringify(OFFLINE_JOIN)}`);
    }
    console.log(`✔ ${name}: ${times}, serve + join ${seconds(runStarted)} s → ${outcome.code} (${outcome.sdkCode})`);
  } catch (error) {
    error.message = `(${times}) ${error.message}`;
    throw error;
  } finally {
    await server?.close();
  }
}

const started = performance.now();
const commands = readmeInstall();
const work = mkdtempSync(join(tmpdir(), 'zoom-join-apps-'));
let failed = false;
// One browser for all; each app goes on to its page as soon as it is built (the drop-in page while Next builds).
const browser = launchChromium();
// Awaited by each app, which reports a failed launch; this only keeps it from counting as unhandled meanwhile.
browser.catch(() => {});
try {
  const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, label: 'npm pack' }));
  const tarball = join(work, packed[0].filename);
  const results = await Promise.allSettled(apps.map((name) => check(name, tarball, commands, work, browser)));
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') {
      failed = true;
      console.error(`✖ ${apps[index]}: ${result.reason.message}`);
    }
  }
} finally {
  await browser.then((launched) => launched.close(), () => {});
  if (process.env.KEEP_APPS) console.log(`packed-apps: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`packed-apps: ${seconds(started)} s in all`);
process.exit(failed ? 1 : 0);
