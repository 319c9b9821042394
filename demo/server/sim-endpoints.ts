/**
 * Signature endpoints that fail the way real back ends do, for the simulated scenarios. They are real HTTP routes,
 * so the element's fetch client meets a real 503, a real HTML page and a real request that never gets an answer.
 */

/** How long a never-answering request is held before the server gives up on it (the page times out far sooner). */
const HANG_LIMIT_MS = 120_000;

export function endpointDown(): Response {
  return new Response(JSON.stringify({ error: 'Service Unavailable (simulated outage)' }), {
    status: 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** What a single-page-app fallback answers when the endpoint path is wrong: 200 and index.html. */
export function endpointHtml(): Response {
  const page = '<!doctype html>\n<html lang="en"><head><title>My App</title></head><body><div id="root"></div></body></html>\n';
  return new Response(page, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** Requests held open by `endpointTimeout`; released when the dev server closes so it can exit at once. */
const hanging = new Set<() => void>();

/** Never answers; resolves only when the caller goes away, the server closes, or after HANG_LIMIT_MS. */
export function endpointTimeout(request: Request): Promise<Response> {
  return new Promise((resolve) => {
    const release = (): void => {
      clearTimeout(timer);
      hanging.delete(release);
      resolve(new Response(null, { status: 504 }));
    };
    const timer = setTimeout(release, HANG_LIMIT_MS);
    timer.unref();
    hanging.add(release);
    request.signal.addEventListener('abort', release, { once: true });
  });
}

export function releaseHangingRequests(): void {
  for (const release of [...hanging]) release();
}
