import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends API calls: the API started with `npm start` (PORT, 3000 by default). */
const apiTarget = process.env.CADREFLOW_API_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`;
const apiPaths = ['/auth', '/procedures', '/tasks', '/audit', '/registry', '/health', '/docs'];

/**
 * Libraries in chunks of their own, apart from the app's pages (which load with their routes): they change far less
 * often than the app, so a browser keeps them cached across releases. Ant Design comes in three: its
 * components, the rc-component parts under them, and its icons.
 */
const vendorChunks: Record<string, RegExp> = {
  react: /node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//,
  icons: /node_modules\/@ant-design\/icons/,
  rc: /node_modules\/(@rc-component|rc-[^/]+)\//,
  antd: /node_modules\/(antd|@ant-design|@emotion|stylis|dayjs)\//,
  data: /node_modules\/(@tanstack|i18next|react-i18next|openapi-fetch)\//,
};

function manualChunks(id: string): string | undefined {
  return Object.entries(vendorChunks).find(([, pattern]) => pattern.test(id))?.[0];
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Ant Design's components the app uses come to about 670 kB minified (200 kB gzipped), in a chunk of their own.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700, rollupOptions: { output: { manualChunks } } },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: true }])),
  },
});
