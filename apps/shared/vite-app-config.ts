/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { type StaffAppPage, staffAppHtml } from './staff-app-html';

/** The local cloud's web port, for `vite dev`: the API, sign-in, MQTT and `/config.json` live there. */
const WEB = process.env.COFFEE_WEB_URL ?? 'http://127.0.0.1:3000';

/** `vite dev`'s proxy of the shop's doors (API, sign-in, runtime config, MQTT) to the local web port. */
export const DEV_PROXY = {
  '/api': WEB,
  '/cognito': WEB,
  '/config.json': WEB,
  '/mqtt': { target: WEB.replace(/^http/, 'ws'), ws: true },
};

/** Serves and builds the app's `index.html` from {@link staffAppHtml}, whatever the file on disk holds. */
function staffAppPage(page: StaffAppPage): Plugin {
  return {
    name: 'coffee-staff-app-page',
    transformIndexHtml: { order: 'pre', handler: () => staffAppHtml(page) },
  };
}

/**
 * The Vite (and vitest) config every staff app shares: served by the local cloud at `base`
 * (`--web-app /barista=apps/barista/dist`), its page made from `page`, `vite dev` proxying the
 * shop's doors to the local web port, component tests in happy-dom.
 */
export function appViteConfig(base: `/${string}/`, page: StaffAppPage): UserConfig {
  return defineConfig({
    base,
    plugins: [react(), staffAppPage(page)],
    build: { target: 'es2022', sourcemap: true },
    server: { proxy: DEV_PROXY },
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      environment: 'happy-dom',
      setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
      maxWorkers: 1,
      testTimeout: 20_000,
    },
  });
}
