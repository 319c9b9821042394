// An endpoint that echoes its configuration in an error must not get its secrets printed by the doctor, which
// quotes the answer (the element's excerpt): neither in a failed POST nor in a refused preflight.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, runCli, type Running } from './servers.js';

const VALUE = 'EchoedS3cretValue42';
const PAGE = 'https://page.example.com';

describe('zoom-join doctor --endpoint with an endpoint that echoes secrets', () => {
  let server: Running;
  before(async () => {
    server = await listen((request, response) => {
      request.resume();
      const path = request.url ?? '/';
      if (request.method === 'OPTIONS') {
        if (path === '/refuse') {
          response.writeHead(403, { 'content-type': 'text/plain' }).end(`denied; client_secret: ${VALUE}`);
          return;
        }
        response.writeHead(204, { 'access-control-allow-origin': PAGE, 'access-control-allow-headers': 'Content-Type' }).end();
        return;
      }
      request.once('end', () => {
        const headers = { 'access-control-allow-origin': PAGE };
        if (path === '/json') {
          response.writeHead(500, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify({ error: 'bad config', sdkSecret: VALUE }));
        } else {
          response.writeHead(500, { ...headers, 'content-type': 'text/plain' }).end(`Error: env ZOOM_MEETING_SDK_SECRET=${VALUE} is not a Meeting SDK secret`);
        }
      });
    });
  });
  after(() => server.close());

  for (const path of ['/text', '/json', '/refuse']) {
    for (const json of [false, true]) {
      it(`${path}${json ? ' --json' : ''}: quotes the answer without the secret`, async () => {
        const run = await runCli(['doctor', '--endpoint', `${server.url}${path}`, '--origin', PAGE, ...(json ? ['--json'] : [])]);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.ok(!run.stdout.includes(VALUE) && !run.stderr.includes(VALUE), run.stdout);
        assert.match(run.stdout, /\[redacted\]/);
      });
    }
  }
});
