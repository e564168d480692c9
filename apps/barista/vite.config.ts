import { appViteConfig } from '../shared/vite-app-config';

/** Served by the local cloud at `/barista/` (`--web-app /barista=apps/barista/dist`). */
export default appViteConfig('/barista/', {
  title: 'Barista — Coffee bar',
  description: 'The live order queue for baristas, on a tablet',
});
