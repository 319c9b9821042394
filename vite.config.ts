import { defineConfig } from 'vite';
import { zoomSdkAssets } from './vite-plugin/index.js';

/** `npm start`: the demo page, with the SDK's assets self-hosted under /zoom-sdk by zoom-join/vite. */
export default defineConfig({
  root: 'demo',
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: Boolean(process.env.PORT),
    host: process.env.HOST ?? '127.0.0.1',
    fs: { allow: ['..'] },
  },
  preview: { port: Number(process.env.PORT ?? 4173) },
  plugins: [zoomSdkAssets({ prefix: '/zoom-sdk' })],
  build: { outDir: '../.cache/demo-dist', emptyOutDir: true },
});
