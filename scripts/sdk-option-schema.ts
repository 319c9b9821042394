/**
 * The table of option names and kinds the element checks `componentViewOptions` and `clientViewOptions` against,
 * generated from the installed @zoom/meetingsdk's own type definitions (through src/sdk/options/sdk-option-types.ts)
 * with the TypeScript compiler API, so the run-time check allows what the SDK's types allow and nothing else.
 *
 *   node --import tsx scripts/sdk-option-schema.ts            # print it
 *   node --import tsx scripts/sdk-option-schema.ts --write    # rewrite src/sdk/options/sdk-option-schema.ts (npm run sdk:options)
 *
 * test/node/sdk-options/schema.test.ts fails when the committed table and the installed SDK's types disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES_PATH = `${root}src/sdk/options/sdk-option-types.ts`;
export const SCHEMA_PATH = `${root}src/sdk/options/sdk-option-schema.ts`;

/** What one option may be, in the generated table (its type is written in the generated file too). */
export interface OptionSchema {
  kinds: string[];
  words?: string[];
  fields?: Record<string, OptionSchema>;
  required?: string[];
  items?: OptionSchema;
}

function schemaOf(checker: ts.TypeChecker, type: ts.Type, depth: number): OptionSchema {
  const kinds = new Set<string>();
  const words = new Set<string>();
  let fields: Record<string, OptionSchema> | undefined;
  let required: string[] | undefined;
  let items: OptionSchema | undefined;
  const members = type.isUnion() ? type.types : [type];
  for (const member of members) {
    const flags = member.flags;
    const name = member.aliasSymbol?.name ?? member.getSymbol()?.name;
    if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) kinds.add('unknown');
    else if (flags & ts.TypeFlags.Null) kinds.add('null');
    else if (flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
    else if (flags & ts.TypeFlags.NumberLike) kinds.add('number');
    else if (member.isStringLiteral()) {
      kinds.add('string');
      words.add(member.value);
    } else if (flags & ts.TypeFlags.StringLike) kinds.add('string');
    else if (name === 'Function' || member.getCallSignatures().length > 0) kinds.add('function');
    else if (name === 'HTMLElement' || name === 'Element') kinds.add('element');
    else if (checker.isArrayType(member)) {
      kinds.add('array');
      const [item] = checker.getTypeArguments(member as ts.TypeReference);
      items = item ? schemaOf(checker, item, depth + 1) : { kinds: ['unknown'] };
    } else if (flags & ts.TypeFlags.NonPrimitive || depth > 8) kinds.add('object');
    else if (flags & ts.TypeFlags.Object) {
      kinds.add('object');
      fields = {};
      required = [];
      for (const property of checker.getPropertiesOfType(member)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration) continue;
        fields[property.name] = schemaOf(checker, checker.getTypeOfSymbolAtLocation(property, declaration), depth + 1);
        if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
      }
    } else kinds.add('unknown');
  }
  // A string with words only when every string it takes is one of them (`string | 'a'` is any string).
  const stringMembers = members.filter((member) => member.flags & ts.TypeFlags.StringLike);
  const onlyWords = stringMembers.length > 0 && stringMembers.every((member) => member.isStringLiteral());
  return {
    kinds: [...kinds].sort(),
    ...(onlyWords ? { words: [...words].sort() } : {}),
    ...(fields ? { fields } : {}),
    ...(required && required.length > 0 ? { required: required.sort() } : {}),
    ...(items ? { items } : {}),
  };
}

/** The two tables, read from the installed SDK's types. */
export function readSchemas(): { component: OptionSchema; client: OptionSchema; sdkVersion: string } {
  const program = ts.createProgram([TYPES_PATH], { strict: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(TYPES_PATH);
  if (!source) throw new Error(`cannot read ${TYPES_PATH}`);
  // An import the compiler cannot resolve reads as `any`: the table would then allow everything.
  const problems = ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length > 0) throw new Error(`${TYPES_PATH} does not compile: ${problems.join('; ')}`);
  const typeNamed = (name: string): ts.Type => {
    const alias = source.statements.find((node): node is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(node) && node.name.text === name);
    if (!alias) throw new Error(`${name} is not in ${TYPES_PATH}`);
    return checker.getTypeAtLocation(alias.name);
  };
  const sdkVersion = (JSON.parse(readFileSync(`${root}node_modules/@zoom/meetingsdk/package.json`, 'utf8')) as { version: string }).version;
  return { component: schemaOf(checker, typeNamed('SdkComponentCustomize'), 0), client: schemaOf(checker, typeNamed('SdkClientInitOptions'), 0), sdkVersion };
}

/** JSON with every list of words on one line: a reviewer reads a diff of this file when the SDK changes. */
function render(schema: OptionSchema): string {
  return JSON.stringify(schema, null, 2).replace(/\[\s*("[^"\]]*"(?:,\s*"[^"\]]*")*)\s*\]/g, (_all, list: string) => `[${list.replace(/,\s*/g, ', ')}]`)
    .replace(/\{\s*("kinds": \[[^\]]*\](?:,\s*"words": \[[^\]]*\])?)\s*\}/g, (_all, body: string) => `{ ${body.replace(/,\s*"words"/, ', "words"')} }`);
}

export function renderSchemaModule(): string {
  const { component, client, sdkVersion } = readSchemas();
  return [
    '// Generated by scripts/sdk-option-schema.ts from the installed @zoom/meetingsdk\'s type definitions: do not edit.',
    '// Regenerate with `npm run sdk:options` when the SDK changes (test/node/sdk-options/schema.test.ts says when).',
    '',
    "/** What a value may be: a boolean, number, string, function, an element, null, an object, an array, or unknown (all of them). */",
    "export type OptionKind = 'boolean' | 'number' | 'string' | 'function' | 'element' | 'null' | 'object' | 'array' | 'unknown';",
    '',
    '/** One option as the SDK\'s types allow it. */',
    'export interface OptionSchema {',
    '  /** Any one of these. */',
    '  kinds: readonly OptionKind[];',
    '  /** A string must be one of these words. */',
    '  words?: readonly string[];',
    '  /** An object has only these fields (without `fields`: every object). */',
    '  fields?: Readonly<Record<string, OptionSchema>>;',
    '  /** The fields an object must have. */',
    '  required?: readonly string[];',
    '  /** What each item of an array is. */',
    '  items?: OptionSchema;',
    '}',
    '',
    `/** The SDK version these tables were read from. */`,
    `export const SCHEMA_SDK_VERSION = '${sdkVersion}';`,
    '',
    '/** The Component View\'s `init({customize})`. */',
    `export const componentCustomizeSchema: OptionSchema = ${render(component)};`,
    '',
    '/** The Client View\'s `ZoomMtg.init()` options. */',
    `export const clientInitSchema: OptionSchema = ${render(client)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderSchemaModule();
  if (process.argv.includes('--write')) writeFileSync(SCHEMA_PATH, text);
  else process.stdout.write(text);
}
