import { defineConfig } from 'vite';

/** Library build for npm: ESM modules; Lit and the SDK stay imports the consumer's bundler resolves. */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', 'zoom-join': 'src/zoom-join.ts', 'react/index': 'src/react/index.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@zoom\/meetingsdk(\/|$)/, /^react(-dom)?(\/|$)/],
    },
  },
});
