// Keeps the element's reference (docs/reference.md) in step with the element: every attribute and event in
// custom-elements.json must be named in the first column of one of its tables, and every CSS part and custom property
// must be named somewhere. Every relative link in README.md and docs/*.md (files and #anchors) must lead somewhere, and
// README.md stays an entry page (at most 14 KB).
//
//   node scripts/check-readme-reference.mjs [--readme README.md] [--reference docs/reference.md] [--manifest custom-elements.json]
//   node scripts/check-readme-reference.mjs --print     # the reference tables, generated from the manifest
//
// What is missing is printed as ready-to-paste table rows (descriptions from the class JSDoc); the exit code is 1.
// Names the README documents that the manifest lacks (e.g. the read-only `status`, the global `lang`) only warn.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    readme: { type: 'string', default: 'README.md' },
    reference: { type: 'string', default: 'docs/reference.md' },
    manifest: { type: 'string', default: 'custom-elements.json' },
    print: { type: 'boolean', default: false },
  },
});
const readmePath = resolve(root, values.readme);
const referencePath = resolve(root, values.reference);
/** The README is the entry page: what the package is, how to start, and links; the details live in docs/. */
const README_MAX_BYTES = 14 * 1024;
const manifestPath = resolve(root, values.manifest);
const TAG = 'zoom-join';

let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (error) {
  console.error(`check-readme-reference: cannot read ${relative(root, manifestPath)} (run npm run build): ${error.message}`);
  process.exit(1);
}
const element = (manifest.modules ?? [])
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.customElement && declaration.tagName === TAG);
if (!element) {
  console.error(`check-readme-reference: ${relative(root, manifestPath)} declares no <${TAG}>`);
  process.exit(1);
}

const oneLine = (text) => (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const groups = [
  { key: 'attributes', title: 'Attributes', header: '| attribute | meaning |', where: 'table' },
  { key: 'events', title: 'Events', header: '| event | detail |', where: 'table' },
  { key: 'cssParts', title: 'CSS parts', header: '| part | what |', where: 'text' },
  { key: 'cssProperties', title: 'CSS custom properties', header: '| property | what |', where: 'text' },
].map((group) => ({ ...group, items: (element[group.key] ?? []).filter((item) => item.name) }));

const row = (item) => `| \`${item.name}\` | ${oneLine(item.description) || '…'} |`;
const table = (group, items) => [group.header, '| --- | --- |', ...items.map(row)].join('\n');

if (values.print) {
  for (const group of groups) console.log(`### ${group.title}\n\n${table(group, group.items)}\n`);
  process.exit(0);
}

const readmeBytes = readFileSync(readmePath).byteLength;
if (readmeBytes > README_MAX_BYTES) {
  console.error(
    `check-readme-reference: ${relative(root, readmePath)} is ${(readmeBytes / 1024).toFixed(1)} KB, over ${README_MAX_BYTES / 1024} KB: ` +
      'move details to a page in docs/ and link it.',
  );
  process.exit(1);
}
const readme = readFileSync(referencePath, 'utf8');
/** Backticked names in the first cell of every table row (a cell may name several: `passcode` (or `password`)). */
function firstCellNames(markdown) {
  const names = new Set();
  for (const line of markdown.split('\n')) {
    const cells = line.trim().match(/^\|([^|]*)\|/);
    if (!cells || /^\s*:?-{3,}/.test(cells[1])) continue;
    for (const match of cells[1].matchAll(/`([^`]+)`/g)) names.add(match[1].trim());
  }
  return names;
}
const tableNames = firstCellNames(readme);
/** Backticked names anywhere in the README. */
const textNames = new Set([...readme.matchAll(/`([^`\n]+)`/g)].map((match) => match[1].trim()));

const missing = [];
let checked = 0;
for (const group of groups) {
  const names = group.where === 'table' ? tableNames : textNames;
  const absent = group.items.filter((item) => !names.has(item.name));
  checked += group.items.length;
  if (absent.length > 0) missing.push({ group, absent });
}

// The other direction only warns: the README may document more than the manifest knows.
const manifestAttributes = new Set(groups[0].items.map((item) => item.name));
const attributeSection = readme.match(/#+\s*Attributes[\s\S]*?(?=\n#+\s|$)/)?.[0] ?? '';
const undocumented = [...firstCellNames(attributeSection)].filter((name) => !manifestAttributes.has(name));
if (undocumented.length > 0) {
  console.warn(
    `check-readme-reference: warning: the README's attribute table names ${undocumented.map((n) => `\`${n}\``).join(', ')}, ` +
      `which custom-elements.json does not list (add @attr to the class JSDoc if they are attributes)`,
  );
}

// The README is the entry page and the guides live in docs/: every relative link between them, and every #anchor,
// must lead somewhere, so moving a section cannot strand a reader.
const docsDir = resolve(dirname(readmePath), 'docs');
const pages = [
  readmePath,
  ...(existsSync(docsDir) ? readdirSync(docsDir) : []).filter((name) => name.endsWith('.md')).map((name) => resolve(docsDir, name)),
];
const slugsOf = (text) =>
  new Set(
    [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, title]) =>
      title.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'),
    ),
  );
const brokenLinks = [];
for (const page of pages) {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, anchor] = target.split('#');
    const file = path === '' ? page : resolve(dirname(page), path);
    if (!existsSync(file)) brokenLinks.push(`${relative(root, page)}: ${target} (no such file)`);
    else if (anchor && file.endsWith('.md') && !slugsOf(readFileSync(file, 'utf8')).has(anchor)) {
      brokenLinks.push(`${relative(root, page)}: ${target} (no such heading in ${relative(root, file)})`);
    }
  }
}
if (brokenLinks.length > 0) {
  console.error(`check-readme-reference: links that lead nowhere:\n  ${brokenLinks.join('\n  ')}`);
  process.exit(1);
}

const summary = groups.map((group) => `${group.items.length} ${group.title.toLowerCase()}`).join(', ');
if (missing.length === 0) {
  console.log(
    `check-readme-reference: ${relative(root, referencePath)} names all ${checked} (${summary}) of <${TAG}>; ` +
      `${relative(root, readmePath)} is ${(readmeBytes / 1024).toFixed(1)} KB`,
  );
  process.exit(0);
}
console.error(`check-readme-reference: ${relative(root, referencePath)} is missing what custom-elements.json lists:`);
for (const { group, absent } of missing) {
  const place = group.where === 'table' ? `the ${group.title} table` : `${relative(root, referencePath)} (anywhere, in backticks)`;
  console.error(`\n${group.title}: ${absent.map((item) => item.name).join(', ')} — add to ${place}:\n${absent.map(row).join('\n')}`);
}
process.exit(1);
