import { defineConfig, loadEnv } from 'vite';
import { demoConfig } from './demo/server/demo-config.js';

/**
 * `npm start`: the demo page (demo/), with the SDK's assets self-hosted under /zoom-sdk by zoom-join/vite and the
 * demo API under /api (demo/server/). Settings come from the environment or a git-ignored `.env` (see .env.example).
 */
export default defineConfig(({ mode }) => demoConfig(loadEnv(mode, process.cwd(), '')));
