/**
 * Finds human text in TypeScript sources that does not go through `msg()`: the rule the element's localisation
 * keeps (test/node/l10n/no-unlocalised-text.test.ts applies it to every file in src/).
 *
 * Human text: a string or template literal with two words of letters in a row ("Join meeting"), or the text and
 * the aria-label/title/alt/placeholder attributes of a lit `html` template. Not human text, so allowed anywhere:
 * one-word values (codes, names, URLs, CSS). Allowed contexts for human text:
 * - the arguments of `msg()` (and the `str` templates in them);
 * - module specifiers, property names, literal types, `css` templates;
 * - `console.*` arguments and `new Error()`/`TypeError()` messages: for the developer in the console, not the user;
 * - values of the properties `sdkText` and `serverText`: Zoom's own English, kept to match what Zoom says;
 * - a literal on a line marked `// l10n-ignore: <why>` (or the line after such a comment): the SDK's own English
 *   matched or sent back to it, and similar, each with its reason.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const TWO_WORDS = /\p{L}{2,}[ \u00a0]+\p{L}+/u;
const ALLOWED_PROPERTIES = new Set(['sdkText', 'serverText']);
const TEXT_ATTRIBUTES = /\b(?:aria-label|title|alt|placeholder)\s*=\s*"([^"$]*)"/g;

/** The parts of a lit `html` template a reader sees: its text nodes and its labelling attributes. */
function visibleTextOfHtml(source: string): string {
  const labels = [...source.matchAll(TEXT_ATTRIBUTES)].map((match) => match[1]);
  // A <style> element's text is CSS, which nobody reads.
  const text = source.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>?/g, ' ').replace(/^[^<]*>/, ' ');
  return [text, ...labels].join(' \n ');
}

function isHumanText(text: string): boolean {
  return TWO_WORDS.test(text);
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression) ?? ''}.${expression.name.text}`;
  return undefined;
}

function tagName(node: ts.TaggedTemplateExpression): string | undefined {
  return calleeName(node.tag);
}

/** True when `node` sits where human text may stay unwrapped. */
function inAllowedContext(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isLiteralTypeNode(parent)) return true;
    if (ts.isTaggedTemplateExpression(parent) && parent.template === current && tagName(parent) === 'css') return true;
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) {
      const name = calleeName(parent.expression);
      if (name === 'msg' || name?.startsWith('console.')) return true;
    }
    if (ts.isNewExpression(parent) && parent.arguments?.includes(current as ts.Expression)) {
      const name = calleeName(parent.expression);
      if (name === 'Error' || name === 'TypeError' || name === 'RangeError') return true;
    }
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === current) return true;
    if (ts.isPropertyAssignment(parent) && parent.initializer === current) {
      const key = parent.name;
      if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && ALLOWED_PROPERTIES.has(key.text)) return true;
    }
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === current) return true;
  }
  return false;
}

/** Lines marked `// l10n-ignore: why`, and the lines after a comment-only marker line. */
function ignoredLines(source: ts.SourceFile): Set<number> {
  const lines = source.text.split('\n');
  const ignored = new Set<number>();
  lines.forEach((line, index) => {
    const at = line.indexOf('// l10n-ignore:');
    if (at < 0) return;
    ignored.add(index + 1);
    if (line.slice(0, at).trim() === '') ignored.add(index + 2);
  });
  return ignored;
}

function textOf(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' {} ');
  return undefined;
}

export function findUnlocalised(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ignored = ignoredLines(source);
  const findings: Finding[] = [];
  const report = (node: ts.Node, shown: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (!ignored.has(line)) findings.push({ file, line, text: shown.replace(/\s+/g, ' ').trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = tagName(node);
      if (tag === 'html' && !inAllowedContext(node)) {
        const template = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template.text]
          : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
        const visible = visibleTextOfHtml(parts.join('\u0000'));
        if (isHumanText(visible)) report(node, visible);
      }
      if (tag === 'html' || tag === 'css' || tag === 'str') {
        // The substitutions may hold literals of their own; the template's own text was judged above.
        if (ts.isTemplateExpression(node.template)) node.template.templateSpans.forEach((span) => visit(span.expression));
        return;
      }
    }
    const literal = textOf(node);
    if (literal !== undefined && isHumanText(literal) && !inAllowedContext(node)) report(node, literal);
    if (ts.isTemplateExpression(node)) {
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
