/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** The local cloud's web port, for `vite dev`: the API, sign-in, MQTT and `/config.json` live there. */
const WEB = process.env.COFFEE_WEB_URL ?? 'http://127.0.0.1:3000';

/**
 * The Vite (and vitest) config every staff app shares: served by the local cloud at `base`
 * (`--web-app /barista=apps/barista/dist`), `vite dev` proxying the shop's doors to the local web
 * port, component tests in happy-dom.
 */
export function appViteConfig(base: `/${string}/`): UserConfig {
  return defineConfig({
    base,
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
}
