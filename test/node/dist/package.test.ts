// The npm package as a consumer gets it: package.json's entry points, the files they name, which entry registers the
// tag, the React entry sharing the element class, and custom-elements.json. Reads the built output (npm run build).
// ZOOM_JOIN_PACKAGE_ROOT points it at another copy, e.g. an unpacked `npm pack` tarball.
import assert from 'node:assert/strict';
import { constants, accessSync, existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(process.env.ZOOM_JOIN_PACKAGE_ROOT ?? fileURLToPath(new URL('../../../', import.meta.url)));

interface ConditionalExport {
  types?: string;
  default?: string;
  [condition: string]: string | undefined;
}

interface PackageJson {
  name: string;
  exports: Record<string, string | ConditionalExport>;
  sideEffects: string[] | boolean;
  customElements?: string;
  files?: string[];
  bin?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface ManifestItem {
  name: string;
  fieldName?: string;
  description?: string;
}

interface ManifestDeclaration {
  name: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  members?: ManifestItem[];
}

interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestDeclaration[]; exports?: { kind: string; name: string; declaration: { module?: string } }[] }[];
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

function conditional(subpath: string): ConditionalExport {
  const target = pkg.exports[subpath];
  assert.ok(target && typeof target === 'object', `exports["${subpath}"] is a conditions object`);
  return target;
}

/** The package's own files a built module reaches through static imports (bare imports are other packages). */
async function staticGraph(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    plugins: [
      {
        name: 'skip-dynamic-imports',
        setup(builder) {
          builder.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        },
      },
    ],
  });
  return Object.keys(result.metafile.inputs).map((input) => relative(root, resolve(process.cwd(), input)));
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const DEFINE = /customElements\.define\(/;

describe('package.json entry points', () => {
  const required = ['.', './zoom-join.js', './server', './vite', './react'];

  for (const subpath of required) {
    it(`exports "${subpath}" with types first, and both files exist`, () => {
      const target = conditional(subpath);
      const conditions = Object.keys(target);
      assert.equal(conditions[0], 'types', `"types" must come first (TypeScript reads conditions in order): ${conditions}`);
      assert.ok(conditions.includes('default'), 'has a "default" condition');
      for (const condition of ['types', 'default']) {
        const file = target[condition]!;
        assert.ok(file.startsWith('./dist/'), `${condition} points into dist/: ${file}`);
        assert.ok(existsSync(join(root, file)), `${file} exists (npm run build)`);
      }
    });
  }

  it('customElements names an existing manifest that the package ships', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(existsSync(join(root, pkg.customElements)), 'custom-elements.json exists (npm run build)');
    const files = pkg.files ?? [];
    assert.ok(files.includes('custom-elements.json'), `"files" includes custom-elements.json: ${JSON.stringify(files)}`);
  });

  it('names both commands in "bin", each an executable file under dist/ that starts with a node shebang', () => {
    assert.deepEqual(Object.keys(pkg.bin ?? {}).sort(), ['zoom-join', 'zoom-join-signature']);
    for (const [name, file] of Object.entries(pkg.bin ?? {})) {
      assert.ok(file.startsWith('dist/'), `${name} ships inside "files" (dist/): ${file}`);
      assert.ok(existsSync(join(root, file)), `${file} exists (npm run build)`);
      assert.doesNotThrow(() => accessSync(join(root, file), constants.X_OK), `${file} is executable`);
      assert.match(read(file), /^#!\/usr\/bin\/env node\n/, `${file} starts with #!/usr/bin/env node`);
    }
  });

  it('declares react as an optional peer dependency', () => {
    assert.ok(pkg.peerDependencies?.react, 'peerDependencies.react');
    assert.equal(pkg.peerDependenciesMeta?.react?.optional, true, 'peerDependenciesMeta.react.optional');
  });
});

describe('side effects', () => {
  it('only the registering entry is listed in sideEffects, and it does register the tag', () => {
    assert.ok(Array.isArray(pkg.sideEffects), 'sideEffects is a list');
    const distEntries = (pkg.sideEffects as string[]).filter((path) => path.startsWith('./dist/'));
    assert.deepEqual(distEntries, [conditional('.').default], 'the "." entry and nothing else from dist/');
    assert.match(read(distEntries[0]!), DEFINE);
  });

  it('"./zoom-join.js" exports the class and registers nothing, in any file it imports', async () => {
    const entry = conditional('./zoom-join.js').default!;
    assert.match(read(entry), /\bZoomJoin\b/);
    for (const file of await staticGraph(entry)) assert.doesNotMatch(read(file), DEFINE, `${file} calls customElements.define`);
  });

  it('"./react" registers the tag and shares the element class module with "./zoom-join.js"', async () => {
    const reactEntry = conditional('./react').default!;
    const reactGraph = await staticGraph(reactEntry);
    const classGraph = await staticGraph(conditional('./zoom-join.js').default!);
    const shared = classGraph.filter((file) => reactGraph.includes(file) && /\bclass\b/.test(read(file)));
    assert.ok(shared.length > 0, `one class module for both entries (react: ${reactGraph}; class: ${classGraph})`);
    assert.match(read(reactEntry), DEFINE);
    const source = read(reactEntry);
    assert.match(source, /from\s*["']react["']/, 'react stays an import the consumer resolves');
    assert.match(source, /from\s*["']@lit\/react["']/, '@lit/react stays an import');
    assert.ok(!reactGraph.some((file) => file.includes('node_modules')), 'no dependency is bundled into the React entry');
  });
});

describe('custom-elements.json', () => {
  const manifestPath = join(root, pkg.customElements ?? 'custom-elements.json');

  it('declares <zoom-join> with its attributes, events, parts and CSS properties', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.customElement && declaration.tagName === 'zoom-join');
    assert.ok(element, 'a custom element declaration with tagName zoom-join');
    const names = (items?: ManifestItem[]) => (items ?? []).map((item) => item.name);

    for (const attribute of ['meeting-number', 'passcode', 'user-name', 'meeting-role', 'view', 'asset-path', 'signature-endpoint', 'auto-join']) {
      assert.ok(names(element.attributes).includes(attribute), `attribute ${attribute}`);
    }
    const meetingNumber = element.attributes!.find((item) => item.name === 'meeting-number');
    assert.equal(meetingNumber?.fieldName, 'meetingNumber', 'attributes are linked to their properties');
    for (const secret of ['signature', 'zak', 'tk', 'obfToken', 'signatureProvider']) {
      assert.ok(!names(element.attributes).some((name) => name.toLowerCase() === secret.toLowerCase()), `${secret} is not an attribute`);
      assert.ok(names(element.members).includes(secret), `${secret} is listed as a property`);
    }
    for (const event of ['zoom-status', 'zoom-joined', 'zoom-left', 'zoom-error', 'zoom-signature-warning']) {
      assert.ok(names(element.events).includes(event), `event ${event}`);
    }
    assert.ok(names(element.cssParts).includes('join-button'), 'part join-button');
    assert.ok(names(element.cssProperties).includes('--zoom-join-accent'), 'CSS property --zoom-join-accent');
  });

  it('points at modules the package ships, and defines the tag in the "." entry', () => {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    for (const module of manifest.modules) assert.ok(existsSync(join(root, module.path)), `${module.path} exists`);
    const definition = manifest.modules
      .flatMap((module) => (module.exports ?? []).map((entry) => ({ module: module.path, entry })))
      .find(({ entry }) => entry.kind === 'custom-element-definition' && entry.name === 'zoom-join');
    assert.ok(definition, 'a custom-element-definition for zoom-join');
    assert.equal(`./${definition.module}`, conditional('.').default);
    assert.ok(existsSync(join(root, definition.entry.declaration.module ?? '')), 'the definition names an existing class module');
  });
});
