/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the local cloud serves this app (`--web-app /ops=apps/ops/dist`). */
const BASE = '/ops/';

/** The local cloud's web port, for `vite dev`: the API, sign-in, MQTT and `/config.json` live there. */
const WEB = process.env.COFFEE_WEB_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: BASE,
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  server: {
    proxy: {
      '/api': WEB,
      '/cognito': WEB,
      '/config.json': WEB,
      '/mqtt': { target: WEB.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['./src/testing/setup.ts'],
    maxWorkers: 1,
    testTimeout: 20_000,
  },
});
