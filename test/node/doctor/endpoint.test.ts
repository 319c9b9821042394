// `zoom-join doctor --endpoint --origin`: against the reference signature server itself (as a process for the exit
// codes), and against small servers that answer the ways the element rejects.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startSignatureServer, type RunningSignatureServer } from '../../../server/start-server.js';
import { diagnoseEndpoint } from '../../../doctor/endpoint.js';
import { hasProblem, renderText, type Section } from '../../../doctor/report.js';
import { listen, runCli, type Running } from './servers.js';

const KEY = 'doctorEndpointKey';
const SECRET = 'doctor-endpoint-SECRET-13579';
const PAGE = 'http://page.example.com';

const checks = (sections: Section[]) => sections.flatMap((section) => section.findings.map((finding) => `${finding.check}:${finding.mark}`));

describe('zoom-join doctor --endpoint against the reference signature server', () => {
  let server: RunningSignatureServer;
  before(async () => {
    server = await startSignatureServer({
      ZOOM_MEETING_SDK_KEY: KEY,
      ZOOM_MEETING_SDK_SECRET: SECRET,
      ZOOM_JOIN_ALLOWED_ORIGINS: PAGE,
      PORT: '0',
      ZOOM_JOIN_RATE_LIMIT: '0',
    });
  });
  after(() => server.close());

  it('a listed origin: preflight, answer, server clock and the signature all pass; exit 0', async () => {
    const run = await runCli(['doctor', '--endpoint', server.url, '--origin', PAGE], { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_MEETING_SDK_KEY: KEY });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ The CORS preflight allows POST with Content-Type from http:\/\/page\.example\.com\./);
    assert.match(run.stdout, /✔ POST \{meetingNumber: "1234567890", role: 0\} answered 200 with a signature the element can read\./);
    assert.match(run.stdout, /✔ The page can read the server's clock/);
    assert.match(run.stdout, /Signature from the endpoint\n {2}✔ The claims are what Zoom expects \(appKey "doctorEndpointKey", mn "1234567890", role 0/);
    assert.match(run.stdout, /✔ The token was signed with ZOOM_MEETING_SDK_SECRET\./);
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
  });

  it('an origin the server does not list: the preflight is refused and nothing else is sent; exit 1', async () => {
    const run = await runCli(['doctor', '--endpoint', server.url, '--origin', 'https://other.example.org', '--json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as { ok: boolean; sections: Section[] };
    assert.equal(report.ok, false);
    assert.deepEqual(checks(report.sections), ['cors-preflight:problem']);
    assert.match(report.sections[0]?.findings[0]?.message ?? '', /would refuse the preflight: it answered HTTP 403 \("\{"error":\{"code":"origin-not-allowed",.*\), and browsers need 2xx; it sent no Access-Control-Allow-Origin/);
    assert.match(report.sections[0]?.findings[0]?.steps?.[0] ?? '', /ZOOM_JOIN_ALLOWED_ORIGINS/);
  });

  it('the same origin as the page: no preflight, and the request is judged like the element does', async () => {
    const sections = await diagnoseEndpoint({ endpoint: server.url, origin: new URL(server.url).origin, meetingNumber: '987 654 3210', role: 0 });
    assert.deepEqual(checks(sections), ['cors-preflight:info', 'answer:ok', 'server-clock:ok', 'claims:ok', 'secret:info']);
    assert.match(renderText(sections), /mn "9876543210"/);
  });

  it('role 1 from a server that gives no host signatures: the endpoint\'s 403 with its advice', async () => {
    const sections = await diagnoseEndpoint({ endpoint: server.url, origin: PAGE, meetingNumber: '1234567890', role: 1 });
    assert.ok(hasProblem(sections));
    const text = renderText(sections);
    assert.match(text, /✖ The signature endpoint http:\/\/127\.0\.0\.1:\d+\/ answered HTTP 403/);
  });
});

type Answer = (request: IncomingMessage, response: ServerResponse) => void;

/** A server that answers the preflight correctly for PAGE and the POST with `answer`. */
function endpointAnswering(answer: Answer): Promise<Running> {
  return listen((request, response) => {
    if (request.method === 'OPTIONS') {
      response
        .writeHead(204, { 'access-control-allow-origin': PAGE, 'access-control-allow-headers': 'Content-Type', 'access-control-allow-methods': 'POST' })
        .end();
      return;
    }
    request.resume();
    request.once('end', () => answer(request, response));
  });
}

const CORS = { 'access-control-allow-origin': PAGE, 'access-control-expose-headers': 'Date' };
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBLZXkiOiJrIn0.c2ln';

describe('zoom-join doctor --endpoint explains answers the element rejects', () => {
  const cases: { name: string; answer: Answer; expect: string[]; text: RegExp }[] = [
    {
      name: 'an HTML page (a single-page-app fallback)',
      answer: (_q, r) => void r.writeHead(200, { ...CORS, 'content-type': 'text/html' }).end('<!doctype html><html><body>App</body></html>'),
      expect: ['cors-preflight:ok', 'signature-not-json:problem'],
      text: /answered HTTP 200 with an HTML page[\s\S]*single-page-app fallback/,
    },
    {
      name: 'HTTP 500',
      answer: (_q, r) => void r.writeHead(500, { ...CORS, 'content-type': 'application/json' }).end('{"error":"ZOOM_MEETING_SDK_SECRET missing"}'),
      expect: ['cors-preflight:ok', 'signature-http-status:problem'],
      text: /answered HTTP 500[\s\S]*Client ID and Client Secret environment variables/,
    },
    {
      name: 'JSON without a signature',
      answer: (_q, r) => void r.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"token":"x"}'),
      expect: ['cors-preflight:ok', 'signature-missing:problem'],
      text: /✖ .*signature/,
    },
    {
      name: 'a signature without Access-Control-Allow-Origin on the POST answer',
      answer: (_q, r) => void r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ signature: JWT })),
      expect: ['cors-preflight:ok', 'cors-answer:problem'],
      text: /✖ The answer \(HTTP 200\) carries no Access-Control-Allow-Origin, so a page on http:\/\/page\.example\.com cannot read it\./,
    },
  ];
  for (const { name, answer, expect, text } of cases) {
    it(name, async () => {
      const endpoint = await endpointAnswering(answer);
      try {
        const sections = await diagnoseEndpoint({ endpoint: `${endpoint.url}/sign`, origin: PAGE, meetingNumber: '1234567890', role: 0 });
        assert.deepEqual(checks(sections), expect);
        assert.match(renderText(sections), text);
        assert.ok(hasProblem(sections));
      } finally {
        await endpoint.close();
      }
    });
  }

  it('a Date header not exposed cross-origin: a warning that the token times are judged by the device clock', async () => {
    const endpoint = await endpointAnswering(
      (_q, r) => void r.writeHead(200, { 'access-control-allow-origin': PAGE, 'content-type': 'application/json' }).end(JSON.stringify({ signature: JWT })),
    );
    try {
      const sections = await diagnoseEndpoint({ endpoint: endpoint.url, origin: PAGE, meetingNumber: '1234567890', role: 0 });
      const [first] = sections;
      assert.deepEqual(first?.findings.map((finding) => `${finding.check}:${finding.mark}`), ['cors-preflight:ok', 'answer:ok', 'server-clock:warning']);
      const text = renderText(sections);
      assert.match(text, /! The answer does not expose its Date header to other origins/);
      assert.match(text, /→ Add Access-Control-Expose-Headers: Date to the answer\./);
    } finally {
      await endpoint.close();
    }
  });

  it('nothing listening: the preflight gets no answer; exit 1 from the process', async () => {
    const endpoint = await endpointAnswering(() => undefined);
    const url = endpoint.url;
    await endpoint.close();
    const run = await runCli(['doctor', '--endpoint', url, '--origin', PAGE]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✖ The CORS preflight \(OPTIONS\) got no answer/);
  });
});
