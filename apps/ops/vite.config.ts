import { appViteConfig } from '../shared/vite-app-config';

/** Served by the local cloud at `/ops/` (`--web-app /ops=apps/ops/dist`). */
export default appViteConfig('/ops/', {
  title: 'Operations — Coffee bar',
  description: 'The OrderProcessor workflow, order executions and wait times, for operators',
});
