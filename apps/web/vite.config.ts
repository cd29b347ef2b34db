import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends API calls: the API started with `npm start` (PORT, 3000 by default). */
const apiTarget = process.env.CADREFLOW_API_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
const apiPaths = ['/auth', '/procedures', '/tasks', '/audit', '/registry', '/health', '/docs'];

/**
 * Libraries in chunks of their own, apart from the app's pages (which load with their routes): they change far less
 * often than the app, so a browser keeps them cached across releases. Ant Design stays one chunk with its
 * rc-component parts and icons: split apart, they import each other and a chunk runs before what it needs exists.
 */
const vendorChunks: Record<string, RegExp> = {
  react: /node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//,
  antd: /node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|@emotion|stylis)\//,
  data: /node_modules\/(@tanstack|i18next|react-i18next|openapi-fetch)\//,
};

function manualChunks(id: string): string | undefined {
  return Object.entries(vendorChunks).find(([, pattern]) => pattern.test(id))?.[0];
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Ant Design with its parts comes to about 1.1 MB minified (360 kB gzipped), in a chunk of its own.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: { output: { manualChunks } },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }])),
  },
});
