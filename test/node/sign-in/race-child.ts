// One server process of the refresh race (sign-in-redis.test.ts): its own Redis client and sign-in, sharing the
// parent's Redis and Zoom double. Waits for "go" on stdin, asks for the visitor's ZAK once, prints the outcome.
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { REDIS_CLIENT_OPTIONS } from '../../../server/redis-rate-limit.js';
import { createRedisTokenStore } from '../../../server/sign-in/redis-token-store.js';
import { importTokenKey } from '../../../server/sign-in/token-seal.js';
import { createZoomSignIn } from '../../../server/sign-in/zoom-sign-in.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`race-child: ${name} is not set`);
  return value;
};

const client = new Redis(env('RACE_REDIS_URL'), REDIS_CLIENT_OPTIONS);
client.on('error', () => {});
await once(client, 'ready');
const signIn = createZoomSignIn({
  clientId: env('RACE_CLIENT_ID'),
  clientSecret: env('RACE_CLIENT_SECRET'),
  redirectUri: `${env('RACE_APP_ORIGIN')}/zoom/callback`,
  webhookSecretToken: 'unused-in-the-race',
  sessionSecret: env('RACE_SESSION_SECRET'),
  zoomOAuthBase: env('RACE_ZOOM_ORIGIN'),
  zoomApiBase: env('RACE_ZOOM_ORIGIN'),
  store: createRedisTokenStore({ client, key: await importTokenKey(env('RACE_TOKEN_KEY')) }),
  // Longer than the access token lives: every call refreshes, so both processes refresh the same user.
  refreshMarginSeconds: 7200,
  onError: (error) => console.error(error.message),
});
console.log('ready');
process.stdin.setEncoding('utf8');
await once(process.stdin, 'data');
const outcome = await signIn.tokenFor(new Request(env('RACE_APP_ORIGIN'), { headers: { cookie: env('RACE_COOKIE') } }), {
  meetingNumber: '123456789',
  kind: 'zak',
});
console.log(JSON.stringify(outcome));
client.disconnect();
// stdin stays open (the parent holds it): exit rather than wait for it.
process.exit(0);
