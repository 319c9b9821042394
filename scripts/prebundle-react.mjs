// @web/test-runner cannot load React's CommonJS builds ("module is not defined"), so the React wrapper's browser test
// gets ESM copies of `react` and `react-dom/client`, bundled once with esbuild into .cache/react-esm/ (rebuilt when
// the React version changes). Both come from one build with code splitting, so they share one React instance, and
// each re-exports React's named exports (esbuild would give a CommonJS module only a default export).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}package.json`);
const reactVersion = JSON.parse(readFileSync(require.resolve('react/package.json'), 'utf8')).version;
const outDir = `${root}.cache/react-esm`;
const stampFile = `${outDir}/version.txt`;
const entries = { react: 'react', 'react-dom-client': 'react-dom/client' };

const upToDate =
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === reactVersion &&
  Object.keys(entries).every((name) => existsSync(`${outDir}/${name}.js`));

if (!upToDate) {
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const identifier = /^[A-Za-z_$][\w$]*$/;
  const stubs = Object.fromEntries(
    Object.entries(entries).map(([name, specifier]) => {
      const names = Object.keys(require(specifier)).filter((key) => identifier.test(key) && key !== 'default');
      const contents =
        `import module from ${JSON.stringify(specifier)};\n` +
        `export default module;\n` +
        `export const { ${names.join(', ')} } = module;\n`;
      return [name, contents];
    }),
  );
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.keys(stubs).map((name) => [name, `stub:${name}`])),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    // Development builds: React's warnings explain failures in tests.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
    plugins: [
      {
        name: 'react-esm-stubs',
        setup(builder) {
          builder.onResolve({ filter: /^stub:/ }, (args) => ({ path: args.path.slice(5), namespace: 'react-esm-stub' }));
          builder.onLoad({ filter: /.*/, namespace: 'react-esm-stub' }, (args) => ({
            contents: stubs[args.path],
            resolveDir: root,
            loader: 'js',
          }));
        },
      },
    ],
  });
  writeFileSync(stampFile, reactVersion);
  console.log(`pre-bundled react ${reactVersion} for the browser tests in ${Date.now() - started} ms`);
}
