import { appViteConfig } from '../shared/vite-app-config';

/** Served by the local cloud at `/display/` (`--web-app /display=apps/display/dist`). */
export default appViteConfig('/display/', {
  title: 'Display — Coffee bar',
  description: 'The overhead screen: the QR code to order, and the orders being made and ready',
});
