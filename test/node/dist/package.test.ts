// The npm package as a consumer gets it: package.json's entry points, the files they name, which entry registers the
// tag, the React entry sharing the element class, and custom-elements.json. Reads the built output (npm run build).
// ZOOM_JOIN_PACKAGE_ROOT points it at another copy, e.g. an unpacked `npm pack` tarball.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants, accessSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
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
  repository?: { type?: string; url?: string };
  homepage?: string;
  bugs?: { url?: string };
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

  // A required peer is installed by npm with the package, and the SDK's own peer (react 18.2.0 exactly) then stops
  // `npm install zoom-join` in every React 19 app; the element also runs from Zoom's CDN without the package.
  it('declares @zoom/meetingsdk 5.x and 6.x as an optional peer dependency', () => {
    assert.equal(pkg.peerDependencies?.['@zoom/meetingsdk'], '^5.0.0 || ^6.0.0');
    assert.equal(pkg.peerDependenciesMeta?.['@zoom/meetingsdk']?.optional, true, 'peerDependenciesMeta["@zoom/meetingsdk"].optional');
  });

  it('says where the package lives: repository, homepage and bugs', () => {
    assert.equal(pkg.repository?.type, 'git');
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/, 'repository.url');
    const web = (pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
    assert.equal(pkg.homepage, `${web}#readme`);
    assert.equal(pkg.bugs?.url, `${web}/issues`);
  });
});

/** The files `npm pack` puts in the tarball (or, for an unpacked copy, the files it has). */
function packedFiles(): Set<string> {
  if (process.env.ZOOM_JOIN_PACKAGE_ROOT) {
    return new Set(readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => file.split('\\').join('/')));
  }
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [
    { files: { path: string }[] },
  ];
  return new Set(packed.files.map((file) => file.path));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

describe('documentation in the tarball', () => {
  const files = packedFiles();
  const markdown = [...files].filter((file) => file === 'README.md' || (file.startsWith('docs/') && file.endsWith('.md')));

  it('ships README.md and every page of docs/', () => {
    assert.ok(files.has('README.md'));
    for (const page of ['deployment', 'errors', 'frameworks', 'signature-server', 'troubleshooting']) {
      assert.ok(files.has(`docs/${page}.md`), `docs/${page}.md is in the tarball (package.json "files")`);
    }
  });

  it('links from README.md and docs/ to files the tarball ships, and to headings they have (readable installed and on GitHub)', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      const text = read(file).replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const linked = path === '' ? file : posix.normalize(posix.join(dirname(file), path));
        if (!files.has(linked)) {
          broken.push(`${file}: ${target} (${linked} is not in the tarball: link to it on GitHub, or ship it)`);
        } else if (anchor !== undefined && linked.endsWith('.md') && !anchorsIn(read(linked)).has(anchor)) {
          broken.push(`${file}: ${target} (${linked} has no heading #${anchor})`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it('zoom-join doctor --help names a documentation file the tarball ships', () => {
    const help = read('dist/doctor/cli.js');
    const named = [...help.matchAll(/\b(docs\/[\w-]+\.md)\b/g)].map((match) => match[1]!);
    assert.ok(named.length > 0, 'the help names a docs/ page');
    for (const page of named) assert.ok(files.has(page), `${page} is in the tarball`);
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
