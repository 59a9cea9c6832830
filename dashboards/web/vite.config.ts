/**
 * Builds the dashboard into dist/ with relative asset paths, so the query service can serve it at `/` (or under
 * any prefix). In development, Vite proxies the API to a query service on its default local address.
 */
import { defineConfig } from 'vite';

const queryService = 'http://127.0.0.1:8080';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // ECharts is one large, cacheable chunk of its own; the app code stays small.
    rollupOptions: { output: { manualChunks: { echarts: ['echarts/core', 'echarts/charts', 'echarts/components'] } } },
    chunkSizeWarningLimit: 900,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/v1': queryService, '/healthz': queryService, '/readyz': queryService },
  },
});
