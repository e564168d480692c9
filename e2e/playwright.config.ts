import { defineConfig } from '@playwright/test';

// The journeys' own AWS SDK client (Cognito admin calls) would warn about Node 20 on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Debian's Chromium: Playwright's own browser downloads do not work on these machines. */
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The journeys run one at a time (two cores, and some change shop-wide state); each journey file
 * starts its own local cloud on free ports with a fresh data folder (see `support/fixtures.ts`).
 */
export default defineConfig({
  testDir: './journeys',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // Failed journeys attach a screenshot of every screen, named by who holds it (support/fixtures.ts).
    screenshot: 'off',
    trace: 'retain-on-failure',
  },
});
