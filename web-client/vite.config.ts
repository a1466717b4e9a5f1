import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const server = process.env.SPOTTER_DEV_SERVER ?? 'http://localhost:8080';
const page = (path: string) => resolve(import.meta.dirname, path);

// Four pages in one build; `npm run dev` forwards the API, the live socket and health to a running Spotter.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        start: page('index.html'),
        trainer: page('trainer/index.html'),
        trainee: page('trainee/index.html'),
        display: page('display/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true, ws: true },
      '/health': { target: server, changeOrigin: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
  },
});
