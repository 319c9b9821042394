// Mounts the real reference signature server (server/, loaded through tsx) at /api/signature for browser tests,
// so the element's endpoint path is exercised over real HTTP against the code we ship.
import { tsImport } from 'tsx/esm/api';

export const TEST_SDK_KEY = 'browser-test-sdk-key';
export const TEST_SDK_SECRET = 'browser-test-sdk-secret-0123456789';

let handlerPromise;
function handler() {
  handlerPromise ??= tsImport('../../server/index.ts', import.meta.url).then((server) =>
    server.createSignatureHandler({
      sdkKey: TEST_SDK_KEY,
      sdkSecret: TEST_SDK_SECRET,
      rateLimit: false,
      authorize: () => true,
    }),
  );
  return handlerPromise;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function referenceServerMiddleware(context, next) {
  if (context.path !== '/api/signature') return next();
  const body = context.method === 'GET' || context.method === 'HEAD' ? undefined : await readBody(context.req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const request = new Request(new URL(context.url, `http://${context.host}`), { method: context.method, headers, body });
  const response = await (await handler())(request);
  context.status = response.status;
  response.headers.forEach((value, name) => context.set(name, value));
  context.body = Buffer.from(await response.arrayBuffer());
}
