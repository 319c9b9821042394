// As docs/signature-server.md shows; `next build` runs without these variables set.
import { createSignatureHandler, rateLimitKeyOf } from 'zoom-join/server';

const signature = createSignatureHandler({
  sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
  sdkSecret: process.env.ZOOM_MEETING_SDK_SECRET,
  // The page's origin: the test names it when it starts the app. Listing it matters in Next.js, whose request.url
  // says localhost under `next start -H 127.0.0.1`, so the page's own origin does not count as same-origin there.
  allowedOrigins: [process.env.APP_ORIGIN ?? 'https://www.example.com'],
  clientKey: (request) => rateLimitKeyOf(request.headers.get('x-real-ip') ?? ''),
});
export const POST = signature;
export const OPTIONS = signature;
