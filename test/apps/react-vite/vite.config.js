import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { zoomSdkAssets } from 'zoom-join/vite';

export default defineConfig({
  plugins: [react(), zoomSdkAssets({ prefix: '/zoom-sdk', views: ['component'] })],
});
