// The stack of Zoom's meetingsdk-auth-endpoint-sample, written here for the bench (not copied): Express, cors,
// express.json() and jsrsasign, validating the request the way the sample does and signing the same claims as
// zoom-join's server. Prints "listening on <url>".
import cors from 'cors';
import express from 'express';
import jsrsasign from 'jsrsasign';

const { KJUR } = jsrsasign;
const key = process.env.ZOOM_MEETING_SDK_KEY;
const secret = process.env.ZOOM_MEETING_SDK_SECRET;

const app = express();
app.use(express.json(), cors());
app.options('/{*any}', cors());

// The sample's request handling, written here: coerce the numeric fields, then check each property and the
// required pair, collecting every problem before answering 400.
const NUMERIC = ['role', 'expirationSeconds', 'videoWebRtcMode'];
const oneOf = (values) => (value) => (value === undefined || values.includes(value) ? undefined : `must be one of ${values}`);
const between = (min, max) => (value) =>
  value === undefined || (Number.isInteger(value) && value >= min && value <= max) ? undefined : `must be ${min}..${max}`;
const PROPERTY_CHECKS = { role: oneOf([0, 1]), expirationSeconds: between(1800, 172800), videoWebRtcMode: oneOf([0, 1]) };
const REQUIRED_TOGETHER = ['meetingNumber', 'role'];

function coerce(body) {
  const coerced = { ...body };
  for (const name of NUMERIC) if (typeof coerced[name] === 'string') coerced[name] = parseInt(coerced[name], 10);
  return coerced;
}

function problemsOf(body) {
  const problems = [];
  for (const [name, check] of Object.entries(PROPERTY_CHECKS)) {
    const problem = check(body[name]);
    if (problem) problems.push(`${name} ${problem}`);
  }
  const given = REQUIRED_TOGETHER.filter((name) => body[name] !== undefined);
  if (given.length !== REQUIRED_TOGETHER.length) problems.push(`${REQUIRED_TOGETHER.join(' and ')} are required`);
  return problems;
}

app.post('/', (req, res) => {
  const body = coerce(req.body ?? {});
  const problems = problemsOf(body);
  if (problems.length > 0) return res.status(400).json({ errors: problems });
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = body;
  const mn = String(meetingNumber).replace(/[ -]/g, '');
  const iat = Math.floor(Date.now() / 1000) - 30;
  const exp = iat + (expirationSeconds ?? 7200);
  const payload = { appKey: key, sdkKey: key, mn, role, iat, exp, tokenExp: exp };
  if (videoWebRtcMode !== undefined) payload.video_webrtc_mode = videoWebRtcMode;
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret);
  return res.json({ signature, sdkKey: key });
});

const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
