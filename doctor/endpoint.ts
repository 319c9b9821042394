/**
 * `zoom-join doctor --endpoint <url> --origin <origin>`: the element's signature request and the CORS preflight a
 * browser on that origin sends first, with the answer judged by the element's own code (fetchSignature), so the
 * doctor and the page never disagree about what counts as a signature answer.
 */
import { excerptBody, looksLikeHtml } from '../src/signature/body-excerpt.js';
import { fetchSignature } from '../src/signature/fetch-signature.js';
import { readAnswerText } from '../src/signature/read-answer.js';
import { describeEndpoint } from '../src/signature/signature-errors.js';
import { isZoomJoinError } from '../src/zoom-join-error.js';
import { Mark, type Finding, type Section } from './report.js';
import { diagnoseSignature, type SignatureCredentials } from './signature.js';
import { timeoutSignal } from './timeout.js';

export interface EndpointOptions {
  endpoint: string;
  /** The page's origin, e.g. https://www.example.com. */
  origin: string;
  meetingNumber: string;
  role: 0 | 1;
  credentials?: SignatureCredentials;
  timeoutMs?: number;
}

const CORS_FIX =
  'Answer OPTIONS with 2xx and, for this origin, Access-Control-Allow-Origin, Access-Control-Allow-Headers: ' +
  'Content-Type (zoom-join-signature: add the origin to ZOOM_JOIN_ALLOWED_ORIGINS).';

export async function diagnoseEndpoint(options: EndpointOptions): Promise<Section[]> {
  const { endpoint, origin } = options;
  const shown = describeEndpoint(endpoint);
  const findings: Finding[] = [];
  const section: Section = { title: `Signature endpoint ${shown} (page origin ${origin})`, findings };
  const crossOrigin = new URL(endpoint).origin !== origin;
  const timeoutMs = options.timeoutMs ?? 10_000;

  if (!crossOrigin) {
    findings.push({ check: 'cors-preflight', mark: Mark.info, message: 'Same origin as the page: no CORS preflight is sent.' });
  } else if (!(await checkPreflight(endpoint, origin, timeoutMs, findings))) {
    // A browser stops here: the request itself is never sent.
    return [section];
  }

  let answer: Response | undefined;
  const sendAsPage = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (crossOrigin) headers.set('origin', origin);
    answer = await fetch(new Request(request, { headers }));
    return answer;
  };
  let signature: string | undefined;
  let serverTime: number | undefined;
  try {
    const result = await fetchSignature(
      endpoint,
      { meetingNumber: options.meetingNumber, role: options.role },
      { fetch: sendAsPage, retries: 0, timeoutMs },
    );
    signature = result.signature;
    serverTime = result.serverTime;
  } catch (error) {
    if (!isZoomJoinError(error)) throw error;
    if (answer && crossOrigin && !allowsOrigin(answer, origin)) findings.push(unreadable(answer, origin));
    findings.push({ check: error.code, mark: Mark.problem, message: error.message, hint: error.hint, steps: [...error.steps] });
    return [section];
  }
  if (answer && crossOrigin && !allowsOrigin(answer, origin)) {
    findings.push(unreadable(answer, origin));
    return [section];
  }
  findings.push({
    check: 'answer',
    mark: Mark.ok,
    message: `POST {meetingNumber: "${options.meetingNumber}", role: ${options.role}} answered ${answer?.status ?? '2xx'} with a signature the element can read.`,
  });
  if (answer) findings.push(serverClock(answer, crossOrigin));

  const signed = await diagnoseSignature(
    signature,
    options.credentials ?? {},
    {
      meetingNumber: options.meetingNumber,
      role: options.role,
      ...(serverTime !== undefined ? { now: Math.floor(serverTime / 1000) } : {}),
    },
    'Signature from the endpoint',
  );
  return [section, signed];
}

async function checkPreflight(endpoint: string, origin: string, timeoutMs: number, findings: Finding[]): Promise<boolean> {
  let response: Response;
  let said = '';
  try {
    const signal = timeoutSignal(timeoutMs);
    response = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      signal,
    });
    // A refusing server often says why in its body (an origin list, a login page): worth quoting, never whole.
    const { text, truncated } = await readAnswerText(response, signal);
    const excerpt = excerptBody(text, { html: looksLikeHtml(response.headers.get('content-type') ?? '', text), truncated, max: 120 });
    if (excerpt !== '') said = ` ("${excerpt}")`;
  } catch (error) {
    findings.push({
      check: 'cors-preflight',
      mark: Mark.problem,
      message: `The CORS preflight (OPTIONS) got no answer: ${error instanceof Error ? error.message : String(error)}.`,
      hint: 'The server is down or the URL is wrong; a browser would report a network error.',
      steps: ['Check the URL and that the server is running.'],
    });
    return false;
  }
  const problems: string[] = [];
  if (response.status < 200 || response.status > 299) problems.push(`it answered HTTP ${response.status}${said}, and browsers need 2xx`);
  const allowOrigin = response.headers.get('access-control-allow-origin');
  if (allowOrigin === null) problems.push('it sent no Access-Control-Allow-Origin');
  else if (allowOrigin !== '*' && allowOrigin !== origin) problems.push(`Access-Control-Allow-Origin is "${allowOrigin}", not "${origin}"`);
  const allowHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((name) => name.trim());
  if (!allowHeaders.includes('content-type') && !allowHeaders.includes('*')) {
    problems.push('Access-Control-Allow-Headers does not name Content-Type (the element sends JSON)');
  }
  if (problems.length > 0) {
    findings.push({
      check: 'cors-preflight',
      mark: Mark.problem,
      message: `A browser on ${origin} would refuse the preflight: ${problems.join('; ')}.`,
      hint: 'The browser never sends the signature request, and the element reports "Signature endpoint unreachable".',
      steps: [CORS_FIX],
    });
    return false;
  }
  findings.push({ check: 'cors-preflight', mark: Mark.ok, message: `The CORS preflight allows POST with Content-Type from ${origin}.` });
  return true;
}

/** Whether a browser on `origin` may read this answer. Neither the element nor the SDK's files send credentials, so "*" is enough. */
export function allowsOrigin(response: Response, origin: string): boolean {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  return allowOrigin === '*' || allowOrigin === origin;
}

function unreadable(response: Response, origin: string): Finding {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  return {
    check: 'cors-answer',
    mark: Mark.problem,
    message:
      `The answer (HTTP ${response.status}) carries ${allowOrigin === null ? 'no Access-Control-Allow-Origin' : `Access-Control-Allow-Origin "${allowOrigin}"`}, ` +
      `so a page on ${origin} cannot read it.`,
    hint: 'The browser hides the answer, and the element reports "Signature endpoint unreachable".',
    steps: ['Send Access-Control-Allow-Origin for this origin on the POST answer too, not only on the preflight.'],
  };
}

function serverClock(response: Response, crossOrigin: boolean): Finding {
  const date = response.headers.get('date');
  const unjudged =
    'The element then judges the token\'s iat and exp by the device clock, so a device whose clock is wrong sees ' +
    '"expired" or "issued in the future" although the token is fine.';
  if (date === null) {
    return { check: 'server-clock', mark: Mark.warning, message: 'The answer has no Date header.', hint: unjudged, steps: ['Send a Date header (most servers do by default).'] };
  }
  if (crossOrigin) {
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',').map((name) => name.trim());
    if (!exposed.includes('date') && !exposed.includes('*')) {
      return {
        check: 'server-clock',
        mark: Mark.warning,
        message: 'The answer does not expose its Date header to other origins (Access-Control-Expose-Headers).',
        hint: unjudged,
        steps: ['Add Access-Control-Expose-Headers: Date to the answer.'],
      };
    }
  }
  return { check: 'server-clock', mark: Mark.ok, message: "The page can read the server's clock (Date header), so the token's times are judged by it." };
}
