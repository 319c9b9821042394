import type { SignatureRequestOptions } from '../../src/index.js';

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML a page needs for these attributes, ready to paste. `signatureRequest` is a property, so it becomes a
 * line of script. Only non-secret inputs reach this function: secrets are never attributes.
 */
export function embedCode(
  attributes: ReadonlyArray<[string, string]>,
  signatureRequest?: SignatureRequestOptions,
): string {
  const lines = attributes.map(([name, value]) => (value === '' ? `  ${name}` : `  ${name}="${escapeAttribute(value)}"`));
  const script = ['<script type="module">', "  import 'zoom-join';"];
  if (signatureRequest) {
    // JSON of plain numbers and strings; '<' is escaped so nothing in it can close the script element.
    const options = JSON.stringify(signatureRequest).replace(/</g, '\\u003c');
    script.push(`  document.querySelector('zoom-join').signatureRequest = ${options};`);
  }
  script.push('</script>');
  return [...script, '', '<zoom-join', ...lines, '></zoom-join>', ''].join('\n');
}
