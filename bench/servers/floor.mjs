// The floor: node:http and node:crypto with nothing else — read the body, parse it, check the two fields, sign an
// HS256 JWT with the same claims. No limiter, no CORS, no validation library. Prints "listening on <url>".
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

const key = process.env.ZOOM_MEETING_SDK_KEY;
const secret = process.env.ZOOM_MEETING_SDK_SECRET;
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid json"}');
      return;
    }
    const mn = String(body.meetingNumber ?? '').replace(/[ -]/g, '');
    const iat = Math.floor(Date.now() / 1000) - 30;
    const exp = iat + 7200;
    const payload = Buffer.from(
      JSON.stringify({ appKey: key, sdkKey: key, mn, role: body.role, iat, exp, tokenExp: exp }),
    ).toString('base64url');
    const mac = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ signature: `${HEADER}.${payload}.${mac}`, sdkKey: key }));
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
