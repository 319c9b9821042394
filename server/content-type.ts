export type ContentTypeCheck = 'ok' | 'not-json' | 'not-utf-8';

/**
 * Only `application/json` (any parameters, but a charset must be UTF-8, the only encoding JSON allows). Insisting
 * on it also means a cross-origin page cannot post here with a "simple" request that skips the CORS preflight.
 */
export function checkJsonContentType(header: string | null): ContentTypeCheck {
  if (header === null) return 'not-json';
  const [mediaType = '', ...parameters] = header.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return 'not-json';
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator === -1 || parameter.slice(0, separator).trim().toLowerCase() !== 'charset') continue;
    const charset = parameter.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return 'not-utf-8';
  }
  return 'ok';
}
