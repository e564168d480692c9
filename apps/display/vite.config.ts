import { appViteConfig } from '../shared/vite-app-config';

/** Served by the local cloud at `/display/` (`--web-app /display=apps/display/dist`). */
export default appViteConfig('/display/');
