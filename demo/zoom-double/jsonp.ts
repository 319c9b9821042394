/**
 * Meeting SDK 5.x asks Zoom's join web service as JSONP — `GET …/wc/info?…&callback=zoomsdkjsonpcallback1` through a
 * script tag — where 6.x posts a form over XHR. The doubles answer both: the same answer, for 5.x as the script that
 * hands it to the named callback.
 */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The JSONP callback a GET request names, or undefined for any other request (6.x's POST). */
export function jsonpCallbackOf(url: string, method: string): string | undefined {
  if (method !== 'GET') return undefined;
  const callback = new URL(url).searchParams.get('callback') ?? '';
  // Only a plain name: the answer is a script, and the callback is copied into it.
  return /^[A-Za-z_$][\w$]{0,80}$/.test(callback) ? callback : undefined;
}

/** The form fields of the request: 6.x posts them, 5.x puts them in the query string. */
export function requestFields(url: string, postData: string | null | undefined): URLSearchParams {
  return postData ? new URLSearchParams(postData) : new URL(url).searchParams;
}

/**
 * `answer` for a request that named `callback`: a script calling it with the JSON body. A script tag ignores the
 * HTTP status (an error status would make it fail to load, and the SDK reports a connection error), so it is 200.
 */
export function asJsonp(answer: HttpAnswer, callback: string | undefined): HttpAnswer {
  if (callback === undefined) return answer;
  const headers = { ...answer.headers, 'content-type': 'text/javascript; charset=utf-8' };
  return { status: answer.status >= 500 ? answer.status : 200, headers, body: `${callback}(${answer.body || 'null'});` };
}
