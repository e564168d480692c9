import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the local cloud serves this app (`--web-app /order=apps/customer/dist`) and the QR code's URL opens it. */
const BASE = '/order/';

/** The local cloud's web port, for `vite dev`: the API, sign-in, MQTT and `/config.json` live there. */
const WEB = process.env.COFFEE_WEB_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: BASE,
  plugins: [react()],
  // The first load is measured against the 200 KB (gzipped) budget, not Vite's default 500 KB
  // (minified) warning; realtime loads as a separate chunk after sign-in.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/api': WEB,
      '/cognito': WEB,
      '/config.json': WEB,
      '/mqtt': { target: WEB.replace(/^http/, 'ws'), ws: true },
    },
  },
});
