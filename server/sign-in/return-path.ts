/**
 * Where a finished sign-in sends the browser: only a path on this site. Anything that a browser could read as
 * another origin — "//host", "/\host" (browsers treat "\" as "/"), "https://…", "javascript:…", or a path that
 * control characters would turn into one — becomes "/".
 */
const PROBE_ORIGIN = 'https://return-path.invalid';

export function safeReturnPath(text: string | null | undefined): string {
  if (!text || !text.startsWith('/') || text.startsWith('//')) return '/';
  // Backslashes and control characters (which URL parsers drop or rewrite) have no place in a return path.
  if (/[\\\u0000-\u001f\u007f]/.test(text)) return '/';
  let url: URL;
  try {
    url = new URL(text, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
