// The stack of Zoom's meetingsdk-auth-endpoint-sample, written here for the bench (not copied): Express, cors,
// express.json() and jsrsasign, signing the same claims as zoom-join's server. Prints "listening on <url>".
import cors from 'cors';
import express from 'express';
import jsrsasign from 'jsrsasign';

const { KJUR } = jsrsasign;
const key = process.env.ZOOM_MEETING_SDK_KEY;
const secret = process.env.ZOOM_MEETING_SDK_SECRET;

const app = express();
app.use(express.json());
app.use(cors());
app.options('/{*any}', cors());

app.post('/', (req, res) => {
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = req.body ?? {};
  const mn = String(meetingNumber ?? '').replace(/[ -]/g, '');
  if (!/^[0-9]{9,11}$/.test(mn) || (role !== 0 && role !== 1)) {
    return res.status(400).json({ error: 'meetingNumber and role required' });
  }
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
