import type { SignatureRequestOptions } from '../../src/index.js';

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML a page needs for these attributes, ready to paste into a plain HTML page: the drop-in script of this
 * version, then the element; and, labelled, what a bundled app writes instead of that script. `signatureRequest` is
 * a property, so it becomes a line of script. Only non-secret inputs reach this function: secrets are never attributes.
 */
export function embedCode(
  attributes: ReadonlyArray<[string, string]>,
  version: string,
  signatureRequest?: SignatureRequestOptions,
): string {
  const lines = attributes.map(([name, value]) => (value === '' ? `  ${name}` : `  ${name}="${escapeAttribute(value)}"`));
  const code = [
    '<!-- A plain HTML page: the drop-in script. -->',
    `<script type="module" src="https://cdn.jsdelivr.net/npm/zoom-join@${version}/dist/cdn/zoom-join.js"></script>`,
  ];
  if (signatureRequest) {
    // JSON of plain numbers and strings; '<' is escaped so nothing in it can close the script element.
    const options = JSON.stringify(signatureRequest).replace(/</g, '\\u003c');
    code.push('<script type="module">', `  document.querySelector('zoom-join').signatureRequest = ${options};`, '</script>');
  }
  return [
    ...code,
    '',
    '<zoom-join',
    ...lines,
    '></zoom-join>',
    '',
    `<!-- With a bundler (Vite, webpack, Next.js): npm install zoom-join @zoom/meetingsdk@6.2.0, then, instead of the drop-in script, in your code: import 'zoom-join'; -->`,
    '',
  ].join('\n');
}
