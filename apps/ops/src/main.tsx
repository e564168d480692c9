import { AppServicesProvider, createAppServices } from '@coffee/app-shared';
import '@coffee/app-shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { StartupError } from '@coffee/app-shared';

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
