import '@coffee/app-shared/styles.css';
import './app/app.css';
import { AppServicesProvider, createAppServices } from '@coffee/app-shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const root = createRoot(document.getElementById('root') as HTMLElement);

createAppServices()
  .then((services) =>
    root.render(
      <StrictMode>
        <AppServicesProvider services={services}>
          <App />
        </AppServicesProvider>
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => {
    console.error(error);
    root.render(
      <p role="alert" className="coffee-error">
        The coffee bar cannot be reached right now. Check your connection and reload the page.
      </p>,
    );
  });
