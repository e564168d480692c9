import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { DEV_PROXY } from '../shared/vite-app-config';

/** Where the local cloud serves this app (`--web-app /order=apps/customer/dist`) and the QR code's URL opens it. */
const BASE = '/order/';

export default defineConfig({
  base: BASE,
  plugins: [react()],
  // The first load is measured against the 200 KB (gzipped) budget, not Vite's default 500 KB
  // (minified) warning; realtime loads as a separate chunk after sign-in.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: DEV_PROXY },
});
