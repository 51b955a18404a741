import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API serves dist/ at `/`; in `vite` dev, /v1 and /api/auth go to a local API.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/v1': process.env.BATON_API ?? 'http://127.0.0.1:8787',
      '/api/auth': process.env.BATON_API ?? 'http://127.0.0.1:8787',
    },
  },
  test: { environment: 'jsdom' },
});
