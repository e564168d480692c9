import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppServicesProvider, createAppServices } from './app-services';
import { StartupError } from './ui/startup-error';

/**
 * Starts an app in the page's `#root`: loads the runtime config and services, then renders `App`
 * inside them, or {@link StartupError} when they cannot be loaded.
 */
export function startApp(App: ComponentType): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  createAppServices().then(
    (services) =>
      root.render(
        <StrictMode>
          <AppServicesProvider services={services}>
            <App />
          </AppServicesProvider>
        </StrictMode>,
      ),
    (error: unknown) => root.render(<StartupError error={error} />),
  );
}
