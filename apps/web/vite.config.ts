import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends API calls: the API started with `npm start` (PORT, 3000 by default). */
const apiTarget = process.env.CADREFLOW_API_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
const apiPaths = ['/auth', '/procedures', '/tasks', '/audit', '/registry', '/health', '/docs'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }])),
  },
});
