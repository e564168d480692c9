import { appViteConfig } from '../shared/vite-app-config';

/** Served by the local cloud at `/ops/` (`--web-app /ops=apps/ops/dist`). */
export default appViteConfig('/ops/');
