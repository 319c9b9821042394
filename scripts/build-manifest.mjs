// custom-elements.json for editors, Storybook and framework tooling: @custom-elements-manifest/analyzer with its Lit
// plugins (the same as `cem analyze --litelement`), run through its API because the CLI also rewrites package.json.
//
//   node scripts/build-manifest.mjs [--outfile custom-elements.json]
//
// The analyzer reads the TypeScript sources; module paths are then rewritten to the shipped `dist/*.js` files, which
// is where a consumer's tooling looks for them. The run fails if the element, its tag or its documented API is missing.
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outfile: { type: 'string', default: 'custom-elements.json' } } });
const outfile = resolve(root, values.outfile);

/** The registering entry (it defines the tag) and the class; nothing else is public element API. */
const sources = ['src/index.ts', 'src/zoom-join.ts'];
const TAG = 'zoom-join';

const modules = sources.map((path) =>
  ts.createSourceFile(path, readFileSync(resolve(root, path), 'utf8'), ts.ScriptTarget.ES2022, true),
);

/** `src/x.ts` (or the analyzer's resolved `/src/x.js`) → `dist/x.js`: the file a consumer actually has. */
function shippedPath(path) {
  return path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
}

const distPathsPlugin = {
  name: 'zoom-join:dist-paths',
  packageLinkPhase({ customElementsManifest }) {
    const visit = (value) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== 'object') return undefined;
      for (const [key, child] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof child === 'string' && /^\/?src\//.test(child)) {
          value[key] = shippedPath(child);
        } else visit(child);
      }
      return undefined;
    };
    visit(customElementsManifest.modules);
  },
};

const manifest = create({ modules, plugins: [...litPlugin(), distPathsPlugin], context: { dev: false } });

const declaration = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((candidate) => candidate.customElement && candidate.tagName === TAG);
if (declaration) addTableProperties(declaration);

/**
 * The element's properties are declared once, in the attribute table (src/attributes.ts), which the analyzer cannot
 * evaluate: read each entry's attribute, type, starting value and doc comment from its source instead.
 */
function addTableProperties(element) {
  const path = 'src/attributes.ts';
  const source = ts.createSourceFile(path, readFileSync(resolve(root, path), 'utf8'), ts.ScriptTarget.ES2022, true);
  let table;
  const find = (node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'zoomJoinAttributes') table = node.initializer;
    else ts.forEachChild(node, find);
  };
  find(source);
  if (!table || !ts.isObjectLiteralExpression(table)) throw new Error(`${path}: no zoomJoinAttributes object literal`);
  const attributes = [];
  const members = [];
  for (const entry of table.properties) {
    if (!ts.isPropertyAssignment(entry)) continue;
    const fieldName = entry.name.getText(source);
    const description = (entry.jsDoc ?? []).map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n').trim();
    const rule = ts.isAsExpression(entry.initializer) ? entry.initializer.expression : entry.initializer;
    let attribute;
    let type;
    let initial;
    if (ts.isCallExpression(rule)) {
      const kind = rule.expression.getText(source);
      const [name, start] = rule.arguments;
      attribute = name && ts.isStringLiteral(name) ? name.text : undefined;
      if (kind === 'text' || kind === 'choice') [type, initial] = ['string', start?.getText(source) ?? "''"];
      else if (kind === 'flag') [type, initial] = ['boolean', 'false'];
      else if (kind === 'number') [type, initial] = start?.getText(source) === 'undefined' ? ['number | undefined', undefined] : ['number', start?.getText(source)];
      else if (kind === 'property') type = `${rule.typeArguments?.[0]?.getText(source) ?? 'unknown'} | undefined`;
      else throw new Error(`${path}: ${fieldName} uses an unknown rule ${kind}`);
    } else if (ts.isObjectLiteralExpression(rule)) {
      const field = (key) => rule.properties.find((property) => property.name?.getText(source) === key)?.initializer;
      attribute = field('attribute')?.text;
      initial = field('initial')?.getText(source);
      type = ts.isAsExpression(entry.initializer) ? entry.initializer.type.typeArguments?.[0]?.getText(source) : 'string';
    } else throw new Error(`${path}: cannot read the rule of ${fieldName}`);
    const member = { kind: 'field', name: fieldName, privacy: 'public', type: { text: type }, description };
    if (initial !== undefined) member.default = initial;
    if (attribute) {
      member.attribute = attribute;
      attributes.push({ name: attribute, fieldName, type: { text: type }, description, ...(initial !== undefined ? { default: initial } : {}) });
    }
    members.push(member);
  }
  element.attributes = [...attributes, ...(element.attributes ?? []).filter((item) => !attributes.some((known) => known.name === item.name))];
  element.members = [...members, ...(element.members ?? []).filter((item) => !members.some((known) => known.name === item.name))];
}

const problems = [];
if (!declaration) problems.push(`no custom element declaration with tagName "${TAG}" (is it still defined in src/index.ts?)`);
const count = (list) => (list ?? []).length;
if (declaration) {
  for (const [what, list] of Object.entries({
    attributes: declaration.attributes,
    events: declaration.events,
    cssParts: declaration.cssParts,
    cssProperties: declaration.cssProperties,
    slots: declaration.slots,
  })) {
    if (count(list) === 0) problems.push(`the element documents no ${what}`);
  }
  for (const event of declaration.events ?? []) {
    if (!event.name) problems.push(`an @fires tag without an event name: ${JSON.stringify(event)}`);
  }
}
/** What the element really renders and styles, compared with what its JSDoc documents. */
const elementSource = readFileSync(resolve(root, 'src/zoom-join.ts'), 'utf8');
const stylesSource = readFileSync(resolve(root, 'src/zoom-join.styles.ts'), 'utf8');
const used = {
  cssParts: new Set([...elementSource.matchAll(/\bpart="([\w-]+)"/g)].map((match) => match[1])),
  cssProperties: new Set([...stylesSource.matchAll(/var\(\s*(--zoom-join-[\w-]+)/g)].map((match) => match[1])),
};
const warnings = [];
if (declaration) {
  for (const [what, names] of Object.entries(used)) {
    const documented = new Set((declaration[what] ?? []).map((item) => item.name));
    const missing = [...names].filter((name) => !documented.has(name)).sort();
    if (missing.length > 0) warnings.push(`${what} used but not documented on the class: ${missing.join(', ')}`);
  }
}
for (const warning of warnings) console.warn(`custom-elements.json: warning: ${warning}`);

if (problems.length > 0) {
  console.error(`custom-elements.json: ${problems.join('; ')}`);
  process.exit(1);
}

writeFileSync(outfile, `${JSON.stringify(manifest, null, 2)}\n`);
const names = (list) => (list ?? []).map((item) => item.name).join(', ');
console.log(
  `wrote ${relative(root, outfile)}: <${TAG}> with ${count(declaration.attributes)} attributes (${names(declaration.attributes)}), ` +
    `${count(declaration.events)} events (${names(declaration.events)}), ${count(declaration.cssParts)} parts, ` +
    `${count(declaration.cssProperties)} CSS properties, ${count(declaration.slots)} slots`,
);
